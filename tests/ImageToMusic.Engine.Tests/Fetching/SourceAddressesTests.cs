using System.Net;
using ImageToMusic.Engine.Fetching;

namespace ImageToMusic.Engine.Tests.Fetching;

/// <summary>The address check as a unit: addresses are parsed, never connected to.</summary>
public sealed class SourceAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.255.255.254")] [InlineData("::1")]                        // loopback
    [InlineData("10.0.0.1")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")] [InlineData("192.168.1.1")] // RFC 1918
    [InlineData("169.254.169.254")] [InlineData("169.254.0.1")] [InlineData("fe80::1")]                 // link-local, metadata
    [InlineData("100.64.0.1")] [InlineData("100.127.255.255")]                                           // carrier-grade NAT
    [InlineData("fc00::1")] [InlineData("fd00:ec2::254")]                                                // unique-local (AWS's metadata too)
    [InlineData("::ffff:127.0.0.1")] [InlineData("::ffff:10.1.2.3")] [InlineData("::ffff:169.254.169.254")] // IPv4-mapped
    [InlineData("::127.0.0.1")] [InlineData("64:ff9b::a00:1")]                                           // IPv4-compatible, NAT64 of 10.0.0.1
    [InlineData("224.0.0.1")] [InlineData("239.255.255.250")] [InlineData("ff02::1")]                    // multicast
    [InlineData("0.0.0.0")] [InlineData("::")] [InlineData("255.255.255.255")] [InlineData("240.0.0.1")] // unspecified, broadcast, reserved
    [InlineData("192.0.2.1")] [InlineData("198.18.0.1")] [InlineData("2001:db8::1")]                     // documentation, benchmarking
    public void Addresses_that_reach_this_machine_its_network_or_nothing_public_are_refused(string address) =>
        Assert.False(SourceAddresses.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")] [InlineData("1.1.1.1")] [InlineData("172.32.0.1")] [InlineData("100.128.0.1")] [InlineData("169.253.1.1")]
    [InlineData("2606:4700:4700::1111")] [InlineData("::ffff:8.8.8.8")]
    public void Public_unicast_addresses_are_allowed(string address) =>
        Assert.True(SourceAddresses.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("cdn.discordapp.com", true)]
    [InlineData("media.discordapp.net", true)]
    [InlineData("evil.com", false)]
    [InlineData("cdn.discordapp.com.evil.com", false)]
    [InlineData("x.sharepoint.com", true)]
    [InlineData("sharepoint.com.evil", false)]
    public void A_platform_allow_list_names_exact_hosts_and_subdomains(string host, bool allowed)
    {
        var policy = new FetchPolicy { AllowedHosts = ["cdn.discordapp.com", "media.discordapp.net", "*.sharepoint.com"] };
        Assert.Equal(allowed, policy.AllowsHost(host));
    }
}
