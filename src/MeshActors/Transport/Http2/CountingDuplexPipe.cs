using System.Buffers;
using System.IO.Pipelines;

namespace MeshActors.Transport.Http2;

/// <summary>Counts the bytes of an inbound connection between Kestrel's TLS layer and HTTP/2.</summary>
internal sealed class CountingDuplexPipe(IDuplexPipe inner, ConnectionRegistry.Connection connection) : IDuplexPipe
{
    public PipeReader Input { get; } = new CountingReader(inner.Input, connection);

    public PipeWriter Output { get; } = new CountingWriter(inner.Output, connection);

    private sealed class CountingReader(PipeReader inner, ConnectionRegistry.Connection connection) : PipeReader
    {
        private ReadOnlySequence<byte> _last;

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            Interlocked.Add(ref connection.BytesIn, _last.Slice(_last.Start, consumed).Length);
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
            _last = result.Buffer;
            return result;
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            _last = result.Buffer;
            return true;
        }
    }

    private sealed class CountingWriter(PipeWriter inner, ConnectionRegistry.Connection connection) : PipeWriter
    {
        public override void Advance(int bytes)
        {
            Interlocked.Add(ref connection.BytesOut, bytes);
            inner.Advance(bytes);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);
    }
}
