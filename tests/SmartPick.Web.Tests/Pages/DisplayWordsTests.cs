using Shouldly;
using SmartPick.Web.Pages.Shared;

namespace SmartPick.Web.Tests.Pages;

/// <summary>How the pages word the engine's and the views' codes.</summary>
public sealed class DisplayWordsTests
{
    [Theory]
    [InlineData("unmatched_without_new_evidence", "Unmatched without new evidence")]
    [InlineData("us_letters", "US letters")]
    [InlineData("no_us_letters", "No US letters")]
    [InlineData("low_step2ck", "Low Step 2 CK")]
    [InlineData("get_hands_on_usce", "Get hands on USCE")]
    [InlineData("h1b_needs_step3", "H-1B needs Step 3")]
    [InlineData("older_yog", "Graduated several years ago")]
    [InlineData("choose_img_friendly_specialty", "Choose IMG friendly specialty")]
    public void codes_read_as_plain_words(string code, string words) => Display.Words(code).ShouldBe(words);
}
