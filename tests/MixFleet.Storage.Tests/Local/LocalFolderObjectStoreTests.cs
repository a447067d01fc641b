using System.Text;
using Microsoft.Extensions.Options;
using MixFleet.Storage.Local;

namespace MixFleet.Storage.Tests.Local;

public sealed class LocalFolderObjectStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mixfleet-local-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderObjectStore _store;

    public LocalFolderObjectStoreTests()
    {
        _store = new LocalFolderObjectStore(Options.Create(new LocalStorageOptions { RootPath = _root }));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task PutThenOpenRead_RoundTripsTheBytes_AndHeadReportsSizeAndETag()
    {
        var bytes = new byte[300_001];
        new Random(7).NextBytes(bytes);
        await _store.PutAsync("masters", "album/01 intro.wav", new MemoryStream(bytes), "audio/wav", CancellationToken.None);

        await using var read = await _store.OpenReadAsync("masters", "album/01 intro.wav", CancellationToken.None);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());

        var head = await _store.HeadAsync("masters", "album/01 intro.wav", CancellationToken.None);
        Assert.NotNull(head);
        Assert.Equal(bytes.Length, head.Size);
        Assert.StartsWith("493e1-", head.ETag, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_root, "masters", "album", "01 intro.wav")));
    }

    [Fact]
    public async Task Put_ReplacesAnExistingObject_AndLeavesNoTempFile()
    {
        await Put("b", "k.txt", "first version");
        await Put("b", "k.txt", "second");

        Assert.Equal("second", await Read("b", "k.txt"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".mixfleet-tmp")));
    }

    [Fact]
    public async Task List_IsRecursiveInOrdinalOrder_AndHonoursAPartialPrefix()
    {
        foreach (var key in new[] { "a/z.wav", "a/B.wav", "a/sub/c.wav", "a/b.wav", "ab/x.wav", "b/y.wav" })
        {
            await Put("bucket", key, key);
        }

        Assert.Equal(["a/B.wav", "a/b.wav", "a/sub/c.wav", "a/z.wav"], await Keys("bucket", "a/"));
        Assert.Equal(["a/B.wav", "a/b.wav", "a/sub/c.wav", "a/z.wav", "ab/x.wav"], await Keys("bucket", "a"));
        Assert.Equal(["a/sub/c.wav"], await Keys("bucket", "a/s"));
        Assert.Equal(6, (await Keys("bucket", "")).Count);
        Assert.Empty(await Keys("bucket", "nothing/"));
        Assert.Empty(await Keys("no-such-bucket", ""));
    }

    [Theory]
    [InlineData("../escape.wav")]
    [InlineData("a/../../escape.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b.wav")]
    [InlineData("a/./b.wav")]
    [InlineData("a\\b.wav")]
    public async Task TraversalKeys_AreRejectedWithAClearArgumentException(string key)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync("b", key, new MemoryStream([1]), "x", CancellationToken.None));
        Assert.Contains("is not allowed", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync("b", key, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.HeadAsync("b", key, CancellationToken.None));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".mixfleet-tmp")]
    [InlineData("a/b")]
    public async Task BadBucketNames_AreRejected(string bucket)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.HeadAsync(bucket, "k", CancellationToken.None));
    }

    [Fact]
    public async Task MissingObject_HeadIsNull_AndOpenReadThrowsObjectNotFound()
    {
        Assert.Null(await _store.HeadAsync("b", "missing.wav", CancellationToken.None));
        var e = await Assert.ThrowsAsync<ObjectNotFoundException>(() => _store.OpenReadAsync("b", "dir/missing.wav", CancellationToken.None));
        Assert.Equal("dir/missing.wav", e.Key);
    }

    private Task Put(string bucket, string key, string text) =>
        _store.PutAsync(bucket, key, new MemoryStream(Encoding.UTF8.GetBytes(text)), "text/plain", CancellationToken.None);

    private async Task<string> Read(string bucket, string key)
    {
        await using var s = await _store.OpenReadAsync(bucket, key, CancellationToken.None);
        using var reader = new StreamReader(s);
        return await reader.ReadToEndAsync();
    }

    private async Task<List<string>> Keys(string bucket, string prefix)
    {
        var keys = new List<string>();
        await foreach (var o in _store.ListAsync(bucket, prefix, CancellationToken.None))
        {
            keys.Add(o.Key);
        }

        return keys;
    }
}
