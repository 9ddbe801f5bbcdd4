namespace SmartPick.Matching.Model;

/// <summary>A specialty as the product names it: snake_case key, NRMP 3-digit code, display name.</summary>
public sealed record SpecialtyInfo(string Key, string Code, string Name);

/// <summary>
/// The known specialties (NRMP codes as in the tracking sheet). Profiles and the API name specialties by
/// <see cref="SpecialtyInfo.Key"/>; the sheet carries code and name.
/// </summary>
public static class Specialties
{
    public static readonly IReadOnlyList<SpecialtyInfo> All =
    [
        new("anesthesiology", "040", "Anesthesiology"),
        new("dermatology", "080", "Dermatology"),
        new("emergency_medicine", "110", "Emergency Medicine"),
        new("family_medicine", "120", "Family Medicine"),
        new("internal_medicine", "140", "Internal Medicine"),
        new("neurological_surgery", "160", "Neurological Surgery"),
        new("neurology", "180", "Neurology"),
        new("child_neurology", "185", "Child Neurology (Neurology)"),
        new("neurodevelopmental_disabilities", "186", "Neurodevelopmental Disabilities"),
        new("nuclear_medicine", "200", "Nuclear Medicine"),
        new("obstetrics_gynecology", "220", "Obstetrics and Gynecology"),
        new("orthopaedic_surgery", "260", "Orthopaedic Surgery"),
        new("osteopathic_neuromusculoskeletal_medicine", "275", "Osteopathic Neuromusculoskeletal Medicine"),
        new("otolaryngology", "280", "Otolaryngology"),
        new("pathology", "300", "Pathology-Anatomic and Clinical"),
        new("pediatrics", "320", "Pediatrics"),
        new("physical_medicine_rehabilitation", "340", "Physical Medicine and Rehabilitation"),
        new("plastic_surgery", "362", "Plastic Surgery (Integrated)"),
        new("psychiatry", "400", "Psychiatry"),
        new("interventional_radiology", "416", "Interventional Radiology (Integrated)"),
        new("diagnostic_radiology", "420", "Radiology-Diagnostic"),
        new("radiation_oncology", "430", "Radiation Oncology"),
        new("general_surgery", "440", "Surgery-General"),
        new("vascular_surgery", "451", "Vascular Surgery"),
        new("thoracic_surgery", "461", "Thoracic Surgery"),
        new("internal_medicine_pediatrics", "700", "Internal Medicine/Pediatrics"),
        new("internal_medicine_emergency_medicine", "705", "Internal Medicine/Emergency Medicine"),
        new("internal_medicine_psychiatry", "715", "Internal Medicine/Psychiatry"),
        new("psychiatry_family_medicine", "720", "Psychiatry/Family Medicine"),
        new("pediatrics_emergency_medicine", "725", "Pediatrics/Emergency Medicine"),
        new("pediatrics_anesthesiology", "726", "Pediatrics/Anesthesiology"),
        new("pediatrics_psychiatry_child_psychiatry", "730", "Pediatrics/Psychiatry/Child and Adolescent Psychiatry"),
        new("pediatrics_physical_medicine_rehabilitation", "735", "Pediatrics/Physical Medicine and Rehabilitation"),
        new("internal_medicine_anesthesiology", "742", "Internal Medicine/Anesthesiology"),
        new("internal_medicine_preventive_medicine", "751", "Internal Medicine/Preventive Medicine"),
        new("family_medicine_preventive_medicine", "752", "Family Medicine/Preventive Medicine"),
        new("psychiatry_neurology", "755", "Psychiatry/Neurology"),
        new("pediatrics_medical_genetics", "765", "Pediatrics/Medical Genetics"),
        new("internal_medicine_medical_genetics", "766", "Internal Medicine/Medical Genetics"),
        new("diagnostic_radiology_nuclear_medicine", "770", "Diagnostic Radiology/Nuclear Medicine/Nuclear Radiology"),
        new("internal_medicine_dermatology", "785", "Internal Medicine/Dermatology"),
        new("emergency_medicine_family_medicine", "795", "Emergency Medicine/Family Medicine"),
        new("emergency_medicine_anesthesiology", "796", "Emergency Medicine/Anesthesiology"),
        new("transitional_year", "999", "Transitional Year"),
    ];

    private static readonly Dictionary<string, SpecialtyInfo> ByKeyMap = All.ToDictionary(s => s.Key, StringComparer.Ordinal);
    private static readonly Dictionary<string, SpecialtyInfo> ByCodeMap = All.ToDictionary(s => s.Code, StringComparer.Ordinal);

    public static SpecialtyInfo? ByKey(string key) => ByKeyMap.GetValueOrDefault(key);
    public static SpecialtyInfo? ByCode(string code) => ByCodeMap.GetValueOrDefault(code);
    public static bool IsKnown(string key) => ByKeyMap.ContainsKey(key);
}

/// <summary>US states and territories that host residency programs (two-letter codes).</summary>
public static class UsStates
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "AL","AK","AZ","AR","CA","CO","CT","DE","DC","FL","GA","HI","ID","IL","IN","IA","KS","KY","LA","ME","MD",
        "MA","MI","MN","MS","MO","MT","NE","NV","NH","NJ","NM","NY","NC","ND","OH","OK","OR","PA","RI","SC","SD",
        "TN","TX","UT","VT","VA","WA","WV","WI","WY","PR","GU","VI",
    };

    public static bool IsKnown(string code) => All.Contains(code);
}
