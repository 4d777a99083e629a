/**
 * PortQryUI for every platform: {@link dev.portqry.ui.UiServer} serves a local web page (plain
 * HTML, CSS and JavaScript from the jar) that queries ports with the library and streams each
 * result to the page as it completes; {@code portqry -ui} starts it through
 * {@link dev.portqry.ui.UiCommand}. See UI.md for the page, the safety rules and the HTTP API.
 *
 * <p>Two layers. The HTTP layer knows nothing of queries and can serve another handler:
 * {@code GuardedHttpServer} (Netty, one event loop, connection cap), {@code RequestReader}
 * (idle, header and body deadlines, body cap), {@code WriteDeadline} (drops clients that do not
 * read), {@code RequestDispatcher} with {@code HostGuard}, {@code HttpCall} / {@code HttpAnswer}
 * / {@code HttpService} (the handler's side), {@code SseStream} (server-sent events with
 * back-pressure), {@code SecurityHeaders}, {@code LogText} and {@code HttpLimits}. The UI on
 * top: {@code UiHandler}, {@code EventStream}, {@code QueryManager}, {@code QuerySession},
 * {@code QueryForm}, {@code StaticResources}, {@code Responses}.
 */
package dev.portqry.ui;
