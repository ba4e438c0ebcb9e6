#!/usr/bin/python3
"""An independent mDNS peer for the MeshActors tests, built on python3-zeroconf.

publish NAME TYPE PORT ADDRESS KEY=VALUE...  registers one instance, prints READY, and on
    "unregister" (a line on stdin) sends the goodbye and prints GONE; exits at end of input.
browse TYPE  prints ADD/UPDATE/REMOVE NAME lines (ADD with port, addresses and TXT).
"""
import socket
import sys
import time

from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceStateChange, Zeroconf


def say(line):
    print(line, flush=True)


def publish(name, service_type, port, address, props):
    zc = Zeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    txt = dict(p.split("=", 1) for p in props)
    info = ServiceInfo(service_type + ".local.", name + "." + service_type + ".local.",
                       addresses=[socket.inet_aton(address)], port=int(port), properties=txt,
                       server=name + ".local.")
    zc.register_service(info, allow_name_change=False)
    # RFC 6762 section 6: a responder does not multicast a record again within 1 s of the last time,
    # so a query right after the announcements would go unanswered; READY means "answers queries".
    time.sleep(1.0)
    say("READY")
    for line in sys.stdin:
        if line.strip() == "unregister":
            zc.unregister_service(info)
            say("GONE")
    zc.close()


def browse(service_type):
    zc = Zeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    full = service_type + ".local."

    def changed(zeroconf, service_type, name, state_change):
        if state_change is ServiceStateChange.Removed:
            say("REMOVE " + name)
            return
        info = zeroconf.get_service_info(service_type, name, timeout=3000)
        if info is None:
            say("UNRESOLVED " + name)
            return
        txt = " ".join(k.decode() + "=" + (v or b"").decode() for k, v in sorted(info.properties.items()))
        addrs = ",".join(info.parsed_addresses())
        verb = "ADD" if state_change is ServiceStateChange.Added else "UPDATE"
        say(f"{verb} {name} {info.server} {addrs} {info.port} {txt}")

    ServiceBrowser(zc, full, handlers=[changed])
    say("READY")
    try:
        for _ in sys.stdin:
            pass
    finally:
        zc.close()


if __name__ == "__main__":
    if sys.argv[1] == "publish":
        publish(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:])
    elif sys.argv[1] == "browse":
        browse(sys.argv[2])
    else:
        sys.exit("usage: zeroconf_peer.py publish|browse ...")
