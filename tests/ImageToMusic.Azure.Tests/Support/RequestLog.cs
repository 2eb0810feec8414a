using Azure.Core;
using Azure.Core.Pipeline;

namespace ImageToMusic.Azure.Tests.Support;

/// <summary>Records the HTTP method of every request a Storage client sends, to show what a call did on the wire.</summary>
public sealed class RequestLog : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _methods = [];

    public IReadOnlyList<string> Methods
    {
        get { lock (_methods) return [.. _methods]; }
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        lock (_methods) _methods.Add(message.Request.Method.Method);
    }
}
