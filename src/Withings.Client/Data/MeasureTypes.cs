using System.Collections.Frozen;

namespace Withings.Client;

public sealed record MeasureType(int Id, string Name, string Unit);

/// <summary>Measure types with their names and units (https://developer.withings.com/api-reference, Measure - Getmeas, <c>meastype</c>), and the value × 10^unit rule.</summary>
public static class MeasureTypes
{
    public const int Weight = 1;
    public const int Height = 4;
    public const int FatFreeMass = 5;
    public const int FatRatio = 6;
    public const int FatMass = 8;
    public const int DiastolicBloodPressure = 9;
    public const int SystolicBloodPressure = 10;
    public const int HeartPulse = 11;
    public const int Temperature = 12;
    public const int SpO2 = 54;
    public const int BodyTemperature = 71;
    public const int SkinTemperature = 73;
    public const int MuscleMass = 76;
    public const int Hydration = 77;
    public const int BoneMass = 88;
    public const int PulseWaveVelocity = 91;

    public static IReadOnlyList<MeasureType> All { get; } =
    [
        new(1, "Weight", "kg"), new(4, "Height", "m"), new(5, "Fat-free mass", "kg"), new(6, "Fat ratio", "%"),
        new(8, "Fat mass", "kg"), new(9, "Diastolic blood pressure", "mmHg"), new(10, "Systolic blood pressure", "mmHg"),
        new(11, "Heart pulse", "bpm"), new(12, "Temperature", "°C"), new(54, "SpO2", "%"), new(71, "Body temperature", "°C"),
        new(73, "Skin temperature", "°C"), new(76, "Muscle mass", "kg"), new(77, "Hydration", "kg"), new(88, "Bone mass", "kg"),
        new(91, "Pulse wave velocity", "m/s"), new(123, "VO2 max", "ml/min/kg"), new(130, "AFib result", ""),
        new(135, "QRS interval", "ms"), new(136, "PR interval", "ms"), new(137, "QT interval", "ms"),
        new(138, "Corrected QT interval", "ms"), new(139, "AFib from PPG", ""), new(155, "Vascular age", "years"),
        new(158, "Nerve health score, left foot", ""), new(159, "Nerve health score, right foot", ""),
        new(167, "Nerve health score, feet", ""), new(168, "Extracellular water", "kg"), new(169, "Intracellular water", "kg"),
        new(170, "Visceral fat", ""), new(173, "Fat-free mass by segment", "kg"), new(174, "Fat mass by segment", "kg"),
        new(175, "Muscle mass by segment", "kg"), new(196, "Electrodermal activity, feet", ""),
        new(197, "Electrodermal activity, left foot", ""), new(198, "Electrodermal activity, right foot", ""),
        new(226, "Basal metabolic rate", "kcal"), new(227, "Metabolic age", "years"), new(229, "Electrochemical skin conductance", ""),
    ];

    private static readonly FrozenDictionary<int, MeasureType> ById = All.ToFrozenDictionary(type => type.Id);

    public static MeasureType? Find(int id) => ById.GetValueOrDefault(id);

    /// <summary>value × 10^unit, exactly (decimal, no binary rounding).</summary>
    public static decimal RealValue(long value, int unit)
    {
        decimal result = value;
        for (var i = 0; i < Math.Abs(unit); i++)
        {
            result = unit < 0 ? result / 10m : result * 10m;
        }
        return result;
    }
}
