using System.Net;
using System.Net.Sockets;

namespace ImageToMusic.Engine.Fetching;

/// <summary>
/// Which addresses a fetch of a URL someone else gave us may connect to: public unicast only. Everything that
/// reaches this machine, its network or its cloud's control plane is refused — loopback, RFC 1918 private, link-local
/// (the metadata address 169.254.169.254 among them), carrier-grade NAT, unique-local IPv6, multicast, unspecified,
/// reserved, and any of those wrapped in IPv4-mapped or IPv4-compatible IPv6.
/// </summary>
public static class SourceAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] is 0 or 10 or 127                               // "this network", private, loopback
        || b[0] >= 224                                         // multicast, reserved, broadcast
        || (b[0] == 100 && b[1] is >= 64 and <= 127)           // carrier-grade NAT 100.64/10
        || (b[0] == 169 && b[1] == 254)                        // link-local, cloud metadata
        || (b[0] == 172 && b[1] is >= 16 and <= 31)            // private 172.16/12
        || (b[0] == 192 && b[1] == 168)                        // private 192.168/16
        || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)        // IETF protocol assignments, TEST-NET-1
        || (b[0] == 198 && b[1] is 18 or 19)                   // benchmarking 198.18/15
        || (b[0] == 198 && b[1] == 51 && b[2] == 100)          // TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113));         // TEST-NET-3

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        var b = address.GetAddressBytes();
        // IPv4-compatible ::a.b.c.d (deprecated, but a parser may still route it) and NAT64 64:ff9b::/96 carry an IPv4 address.
        if (b.Take(12).All(x => x == 0)) return IsPublicV4(b[12..]);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0)) return IsPublicV4(b[12..]);
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false; // documentation 2001:db8::/32
        return (b[0] & 0xe0) == 0x20; // global unicast 2000::/3
    }
}
