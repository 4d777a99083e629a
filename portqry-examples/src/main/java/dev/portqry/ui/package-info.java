/**
 * PortQryUI for every platform: {@link dev.portqry.ui.UiServer} serves a local web page (plain
 * HTML, CSS and JavaScript from the jar) that queries ports with the library and streams each
 * result to the page as it completes; {@code portqry -ui} starts it through
 * {@link dev.portqry.ui.UiCommand}. See UI.md for the page, the safety rules and the HTTP API.
 */
package dev.portqry.ui;
