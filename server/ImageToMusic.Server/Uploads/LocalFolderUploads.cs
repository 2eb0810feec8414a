using System.Security.Cryptography;
using System.Text;
using ImageToMusic.Engine.Imaging;

namespace ImageToMusic.Server.Uploads;

/// <summary>
/// A local folder standing in for the uploads container (`imagetomusic serve`). The ETag is derived from the
/// file's size and last write time, as a blob's changes when it is overwritten.
/// </summary>
public sealed class LocalFolderUploads(string folder) : IUploads
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<UploadedPhoto> ReadAsync(string name, long maxBytes, CancellationToken cancellation)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, name));
        if (!path.StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new FileNotFoundException($"'{name}' is not inside the uploads folder.");
        var file = new FileInfo(path);
        if (!file.Exists) throw new FileNotFoundException($"No upload named '{name}' in {Folder}.", path);
        var etag = ETagOf(file);
        if (file.Length > maxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge, $"The upload is {file.Length:N0} bytes; the limit is {maxBytes:N0}.");
        return new UploadedPhoto(name, await File.ReadAllBytesAsync(path, cancellation), etag);
    }

    public Task<IReadOnlyList<(string Name, string ETag)>> ListAsync(CancellationToken cancellation)
    {
        Directory.CreateDirectory(Folder);
        IReadOnlyList<(string, string)> files = [.. new DirectoryInfo(Folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => !f.Name.StartsWith('.'))
            .OrderBy(f => f.FullName, StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(Folder, f.FullName).Replace(Path.DirectorySeparatorChar, '/'), ETagOf(f)))];
        return Task.FromResult(files);
    }

    public static string ETagOf(FileInfo file) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{file.Length}:{file.LastWriteTimeUtc.Ticks}")))[..16] + "\"";
}
