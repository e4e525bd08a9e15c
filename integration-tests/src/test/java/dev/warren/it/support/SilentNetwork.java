package dev.warren.it.support;

import dev.warren.testing.TcpProxy;
import java.util.List;

/**
 * The network between a process and its broker nodes, through test proxies, going silent: nothing
 * closes and nothing answers, so only heartbeats notice. Healing it also cuts what the proxies
 * still carry, so the process connects afresh.
 */
public final class SilentNetwork {
    private final List<TcpProxy> proxies;

    public SilentNetwork(List<TcpProxy> proxies) {
        this.proxies = List.copyOf(proxies);
    }

    public void silence() {
        for (TcpProxy proxy : proxies) {
            proxy.freezeReplies();
            proxy.dropRequests();
        }
    }

    public void heal() {
        for (TcpProxy proxy : proxies) {
            proxy.thaw();
            proxy.passRequests();
            proxy.cutAll();
        }
    }
}
