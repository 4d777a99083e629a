// A consumer on the module path: it reads portqry's modules, and the responders reach the core's
// ServiceLoader through the protocols module's `provides`, with no META-INF/services involved.
module dev.portqry.consumer {
    requires dev.portqry.protocols;
}
