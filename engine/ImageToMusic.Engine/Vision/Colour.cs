namespace ImageToMusic.Engine.Vision;

/// <summary>sRGB ↔ CIE L*a*b* (D65) and a human name for a colour; small and table-driven because it runs per pixel.</summary>
internal static class Colour
{
    private static readonly float[] SrgbToLinear = BuildLinearTable();

    private static float[] BuildLinearTable()
    {
        var table = new float[256];
        for (var i = 0; i < 256; i++)
        {
            var c = i / 255.0;
            table[i] = (float)(c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4));
        }
        return table;
    }

    public static (float L, float A, float B) ToLab(byte r, byte g, byte b)
    {
        float rl = SrgbToLinear[r], gl = SrgbToLinear[g], bl = SrgbToLinear[b];
        var x = (0.4124564f * rl + 0.3575761f * gl + 0.1804375f * bl) / 0.95047f;
        var y = 0.2126729f * rl + 0.7151522f * gl + 0.0721750f * bl;
        var z = (0.0193339f * rl + 0.1191920f * gl + 0.9503041f * bl) / 1.08883f;
        float fx = F(x), fy = F(y), fz = F(z);
        return (116f * fy - 16f, 500f * (fx - fy), 200f * (fy - fz));

        static float F(float t) => t > 0.008856f ? MathF.Cbrt(t) : 7.787f * t + 16f / 116f;
    }

    public static (byte R, byte G, byte B) FromLab(float l, float a, float b)
    {
        var fy = (l + 16f) / 116f;
        var fx = fy + a / 500f;
        var fz = fy - b / 200f;
        float x = 0.95047f * Finv(fx), y = Finv(fy), z = 1.08883f * Finv(fz);
        return (Encode(3.2404542f * x - 1.5371385f * y - 0.4985314f * z),
                Encode(-0.9692660f * x + 1.8760108f * y + 0.0415560f * z),
                Encode(0.0556434f * x - 0.2040259f * y + 1.0572252f * z));

        static float Finv(float t) => t * t * t > 0.008856f ? t * t * t : (t - 16f / 116f) / 7.787f;
        static byte Encode(float linear)
        {
            var c = linear <= 0.0031308f ? 12.92f * linear : 1.055f * MathF.Pow(Math.Max(linear, 0f), 1f / 2.4f) - 0.055f;
            return (byte)Math.Clamp(MathF.Round(c * 255f), 0f, 255f);
        }
    }

    /// <summary>HSV hue in degrees [0, 360), saturation and value in [0, 1].</summary>
    public static (float H, float S, float V) ToHsv(byte r, byte g, byte b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var delta = (float)(max - min);
        if (max == 0) return (0, 0, 0);
        var s = delta / max;
        if (delta == 0) return (0, 0, max / 255f);
        float h;
        if (max == r) h = 60f * ((g - b) / delta);
        else if (max == g) h = 60f * ((b - r) / delta + 2f);
        else h = 60f * ((r - g) / delta + 4f);
        if (h < 0) h += 360f;
        return (h, s, max / 255f);
    }

    /// <summary>A short everyday name ("dark blue", "pale pink", "grey") for explanations.</summary>
    public static string Name(byte r, byte g, byte b)
    {
        var (h, s, v) = ToHsv(r, g, b);
        var (l, _, _) = ToLab(r, g, b);
        if (s < 0.18f || v < 0.12f)
            return l switch { < 15 => "black", < 40 => "dark grey", < 75 => "grey", < 92 => "light grey", _ => "white" };
        var hue = h switch
        {
            < 15 or >= 345 => "red",
            < 40 => l < 45 ? "brown" : "orange",
            < 65 => l < 45 ? "olive" : "yellow",
            < 160 => "green",
            < 195 => "teal",
            < 255 => "blue",
            < 290 => "purple",
            _ => "pink",
        };
        var shade = l < 35 ? "dark " : l > 80 && s < 0.5f ? "pale " : "";
        return shade + hue;
    }

    public static string Hex(byte r, byte g, byte b) => $"#{r:x2}{g:x2}{b:x2}";
}
