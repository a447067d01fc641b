using MixFleet.Storage.S3;
using System.Security.Cryptography;
using System.Text;

namespace MixFleet.Storage.Tests.S3;

[Trait("Category", "Integration")]
public sealed class S3ObjectStoreIntegrationTests(S3ServerFixture server) : IClassFixture<S3ServerFixture>
{
    private readonly S3ObjectStore _store = server.Store;
    private readonly string _bucket = server.Bucket;

    [Fact]
    public async Task A20MBFile_ComesBackByteForByte_ThroughRangedReads()
    {
        var path = Path.Combine(Path.GetTempPath(), "mixfleet-it-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            // 20 MB and a few bytes: two full 8 MiB ranges and a partial third.
            var data = new byte[20_000_003];
            new Random(20).NextBytes(data);
            await File.WriteAllBytesAsync(path, data);
            var expectedSha = SHA256.HashData(data);
#pragma warning disable CA5351 // S3 defines a single-part ETag as the MD5 of the content; not used for security.
            var expectedMd5 = Convert.ToHexStringLower(MD5.HashData(data));
#pragma warning restore CA5351

            await using (var file = File.OpenRead(path))
            {
                await _store.PutAsync(_bucket, "big/track.wav", file, "audio/wav", CancellationToken.None);
            }

            var head = await _store.HeadAsync(_bucket, "big/track.wav", CancellationToken.None);
            Assert.NotNull(head);
            Assert.Equal(data.Length, head.Size);
            // A single-part upload's ETag is the MD5 of the bytes stored: proves no aws-chunked framing got in.
            Assert.Equal(expectedMd5, head.ETag);

            await using var read = await _store.OpenReadAsync(_bucket, "big/track.wav", CancellationToken.None);
            Assert.Equal(data.Length, read.Length);
            var actualSha = await SHA256.HashDataAsync(read);
            Assert.Equal(Convert.ToHexString(expectedSha), Convert.ToHexString(actualSha));
            Assert.Equal(3, ((RangedReadStream)read).RangeRequests);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AForwardOnlyStream_IsUploaded_AndAnEmptyObjectReadsAsEmpty()
    {
        var text = "not seekable";
        await _store.PutAsync(_bucket, "misc/forward.txt", new ForwardOnlyStream(Encoding.UTF8.GetBytes(text)), "text/plain", CancellationToken.None);
        await _store.PutAsync(_bucket, "misc/empty.txt", new MemoryStream(), "text/plain", CancellationToken.None);

        await using (var read = await _store.OpenReadAsync(_bucket, "misc/forward.txt", CancellationToken.None))
        {
            Assert.Equal(text, await new StreamReader(read).ReadToEndAsync());
        }

        await using var empty = await _store.OpenReadAsync(_bucket, "misc/empty.txt", CancellationToken.None);
        Assert.Equal(-1, empty.ReadByte());
    }

    [Fact]
    public async Task List_PagesThroughMoreThan1000Keys_AndExcludesASiblingPrefix()
    {
        var keys = Enumerable.Range(0, 1100).Select(i => $"many/{i:D5}.txt").ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, token) =>
            await _store.PutAsync(_bucket, key, new MemoryStream([1]), "text/plain", token));
        await _store.PutAsync(_bucket, "many-siblings/00000.txt", new MemoryStream([2]), "text/plain", CancellationToken.None);
        await _store.PutAsync(_bucket, "manyx.txt", new MemoryStream([3]), "text/plain", CancellationToken.None);

        var listed = new List<ObjectInfo>();
        await foreach (var o in _store.ListAsync(_bucket, "many/", CancellationToken.None))
        {
            listed.Add(o);
        }

        Assert.Equal(keys, listed.Select(o => o.Key).ToList());
        Assert.All(listed, o =>
        {
            Assert.Equal(1, o.Size);
            Assert.False(string.IsNullOrEmpty(o.ETag));
            Assert.DoesNotContain('"', o.ETag!);
        });
    }

    [Fact]
    public async Task MissingObjects_HeadIsNull_AndOpenReadThrowsObjectNotFound()
    {
        Assert.Null(await _store.HeadAsync(_bucket, "missing/nothing.wav", CancellationToken.None));
        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync(_bucket, "missing/nothing.wav", CancellationToken.None));
        Assert.Equal("missing/nothing.wav", e.Key);
        Assert.Empty(await _store.ListAsync(_bucket, "missing/", CancellationToken.None).ToListAsync());
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
