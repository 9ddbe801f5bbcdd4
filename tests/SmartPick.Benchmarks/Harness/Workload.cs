namespace SmartPick.Benchmarks.Harness;

/// <summary>Valid request bodies for the candidate-file API, varied by a seeded random source.</summary>
public static class Workload
{
    private static readonly string[][] Targets =
    [
        ["internal_medicine"], ["family_medicine"], ["internal_medicine", "family_medicine"], ["pediatrics"], ["psychiatry"],
        ["neurology", "internal_medicine"],
    ];
    private static readonly string[] States = ["NY", "NJ", "PA", "OH", "MI", "IL", "TX", "FL", "CA", "MA", "MD", "GA"];
    private static readonly string[] Countries = ["Pakistan", "India", "Nigeria", "Egypt", "Philippines", "Brazil", "Mexico", "Grenada", "Dominica"];
    private static readonly string[] Visas = ["j1", "h1b", "either", "none"];
    private static readonly string[] UsceKinds = ["hands_on", "externship", "sub_internship", "observership"];
    private static readonly string[] Writers = ["attending", "program director", "chair", "professor"];
    private static readonly string[] Strengths = ["strong", "standard", "weak"];
    private static readonly string[] Notes =
    [
        "Called about the Step 2 CK date; booked for next month.",
        "Discussed observership versus hands-on options in the north-east.",
        "Reminded about the letters; two writers confirmed.",
        "Reviewed the personal statement draft; needs a stronger opening.",
    ];

    public static object OpenFile(Random random, string organization, int n)
    {
        var usImg = random.Next(5) == 0;
        return new
        {
            name = $"Candidate {organization} {n:D5}",
            email = $"candidate{n}@{organization}.example.org",
            medical_school_country = usImg ? "Grenada" : Countries[random.Next(Countries.Length)],
            img_type = usImg ? "us_img" : "non_us_img",
            visa_need = usImg ? "none" : Visas[random.Next(Visas.Length)],
            year_of_graduation = 2008 + random.Next(18),
            target_specialties = Targets[random.Next(Targets.Length)],
            preferred_states = States.OrderBy(_ => random.Next()).Take(random.Next(4)).ToArray(),
            budget = random.Next(4) == 0 ? null : new { applications = 40 + random.Next(160) },
        };
    }

    public static object Note(Random random) => new { text = Notes[random.Next(Notes.Length)] };

    /// <summary>One of the three profile-changing commands, in turn: (path suffix, body).</summary>
    public static (string Path, object Body) ProfileChange(Random random, long turn) => (turn % 3) switch
    {
        0 => ("exams", new
        {
            exam = new { exam = random.Next(2) == 0 ? "step2ck" : "step3", score = 205 + random.Next(60), passed = true },
            taken_on = new DateOnly(2023, 1, 1).AddDays(random.Next(900)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }),
        1 => ("usce", new
        {
            usce = new { kind = UsceKinds[random.Next(UsceKinds.Length)], specialty = "internal_medicine", months = 1 + random.Next(4), state = States[random.Next(States.Length)] },
            institution = $"Community Hospital {random.Next(200)}",
        }),
        _ => ("letters", new
        {
            letter = new { us = random.Next(4) != 0, specialty = "internal_medicine", writer_role = Writers[random.Next(Writers.Length)], strength = Strengths[random.Next(Strengths.Length)] },
        }),
    };
}
