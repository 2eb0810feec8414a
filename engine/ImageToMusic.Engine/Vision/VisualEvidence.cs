namespace ImageToMusic.Engine.Vision;

/// <summary>One dominant colour of the picture and the share of pixels closest to it.</summary>
public sealed record PaletteColour(string Hex, string Name, double Share);

/// <summary>
/// What the picture shows in plain, measurable terms. These feed the mood model and are what
/// explanations quote ("dark, cool palette"), so every value has a fixed, documented range.
/// </summary>
/// <param name="Palette">Up to five dominant colours, largest share first.</param>
/// <param name="Brightness">Mean CIE L* / 100, 0 (black) … 1 (white).</param>
/// <param name="Saturation">Mean HSV saturation, 0 (grey) … 1 (pure colour).</param>
/// <param name="Warmth">Mean (R − B) / 255 weighted by saturation, −1 (blue, cool) … 1 (orange/red, warm).</param>
/// <param name="Contrast">Standard deviation of L* / 100 (RMS contrast), 0 … about 0.5.</param>
/// <param name="Colourfulness">Hasler–Süsstrunk M on 0–255 RGB: about 0 (grey) … 15 slightly, 33 moderately, 59 quite, 109+ extremely colourful.</param>
/// <param name="EdgeDensity">Share of pixels on a strong luminance edge (Sobel), 0 (flat) … about 0.5 (busy texture).</param>
public sealed record VisualEvidence(
    IReadOnlyList<PaletteColour> Palette,
    double Brightness,
    double Saturation,
    double Warmth,
    double Contrast,
    double Colourfulness,
    double EdgeDensity);
