namespace ImageToMusic.Engine.Imaging;

/// <summary>Reads an image file into memory, refusing one over the byte limit before reading it.</summary>
public static class EncodedImageFile
{
    public static byte[] Read(string path, ImageLimits limits)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"No such image file: {path}", path);
        if (info.Length == 0) throw new ImageRejectedException(ImageErrorKind.Empty, $"{path} is empty (0 bytes).");
        if (info.Length > limits.MaxBytes)
            throw new ImageRejectedException(ImageErrorKind.TooLarge,
                $"{path} is {info.Length / 1048576.0:F1} MB; the limit is {limits.MaxBytes / 1048576.0:F1} MB.");
        return File.ReadAllBytes(path);
    }
}
