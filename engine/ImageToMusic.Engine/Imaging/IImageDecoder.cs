namespace ImageToMusic.Engine.Imaging;

/// <summary>Turns an encoded file (JPEG, PNG, ...) into the picture the analysis reads.</summary>
public interface IImageDecoder
{
    /// <summary>
    /// Decodes the whole picture to <see cref="DecodedImage.Size"/>² sRGB. Throws
    /// <see cref="ImageRejectedException"/> for input that cannot or must not be decoded.
    /// </summary>
    DecodedImage Decode(ReadOnlySpan<byte> encoded);
}
