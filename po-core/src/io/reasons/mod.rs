//! The problems' reasons and the compilation's findings in Swedish (issue 32 point 2): every
//! reader and the chain word their reasons in English once ([`crate::input::Problem::reason`],
//! [`crate::chain::ChainFinding::reason`]: what programs match on); a Swedish reader is shown
//! them through this one list of templates, in which `{}` stands for a value (a quoted
//! cell, a date, a count) carried over as it is. A reason no template matches is shown as it
//! is, so nothing is lost; the tests keep the readers' common reasons covered.

mod errors;

/// Every template: the problems' and findings' reasons, then po-core's errors.
fn templates() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    REASONS.iter().chain(errors::ERRORS)
}

/// English template → Swedish template, in the order tried (the more specific first); the
/// values (`{}`) in the same order in both.
const REASONS: &[(&str, &str)] = &[
    ("a value is required on the documented row", "ett värde krävs på raden documented"),
    ("a value is required", "ett värde krävs"),
    ("expected a date YYYY-MM-DD, got {}", "väntade ett datum ÅÅÅÅ-MM-DD, fick {}"),
    ("expected ja or nej, got {}", "väntade ja eller nej, fick {}"),
    ("expected ja, nej or vet ej, got {}", "väntade ja, nej eller vet ej, fick {}"),
    ("expected a year such as 1985, got {}", "väntade ett år som 1985, fick {}"),
    ("expected whole years such as 42, got {}", "väntade hela år som 42, fick {}"),
    ("expected a count or .., got {}", "väntade ett antal eller .., fick {}"),
    ("expected a full-time equivalent from 0 to 1.5, got {}", "väntade en tjänstgöringsgrad från 0 till 1,5, fick {}"),
    (
        "unknown {} {}: expected one of {} (or its Swedish or English label)",
        "okänt värde {1} i kodlistan {0}: väntade ett av {2} (eller dess svenska eller engelska benämning)",
    ),
    ("unknown {} {}: expected one of {}", "okänt värde {1} i kodlistan {0}: väntade ett av {2}"),
    ("the same id as row {}", "samma id som rad {}"),
    ("the same id as clients[{}]", "samma id som clients[{}]"),
    ("an id must not be an identity number", "ett id får inte vara ett identitetsnummer"),
    (
        "contains what looks like a personnummer or samordningsnummer: free text must not identify anyone (the cell is not shown)",
        "innehåller något som liknar ett personnummer eller samordningsnummer: fritext får inte identifiera någon (cellen visas inte)",
    ),
    ("starts {}, after today ({}); check the year", "börjar {}, efter i dag ({}); kontrollera året"),
    ("starts {}, before the application {}", "börjar {}, före ansökan {}"),
    ("ends {}, before it starts {}", "slutar {}, före starten {}"),
    (
        "the client was under 18 when starting on {} (PO is for adults, SFS 2013:522 2 §)",
        "klienten var under 18 år vid starten {} (PO är för vuxna, SFS 2013:522 2 §)",
    ),
    ("{} is not a municipality of this service", "{} är inte en av verksamhetens kommuner"),
    ("{} responses but only {} surveys sent", "{} svar men bara {} skickade enkäter"),
    ("the column is given twice (as {} and {}); keep one", "kolumnen finns två gånger (som {} och {}); behåll en"),
    ("unknown column, not read; expected one of {}", "okänd kolumn, läses inte; väntade en av {}"),
    ("the required column is missing; the header has {}", "den obligatoriska kolumnen saknas; rubrikraden har {}"),
    (
        "a value in column {} of the row, beyond the header's last named column ({}); name the column or remove the value",
        "ett värde i radens kolumn {}, efter rubrikradens sista namngivna kolumn ({}); namnge kolumnen eller ta bort värdet",
    ),
    ("the row could not be read", "raden kunde inte läsas"),
    (
        "the cell holds the control character U+{}; remove it (only tab and line breaks are text)",
        "cellen har styrtecknet U+{}; ta bort det (bara tabb och radbrytningar är text)",
    ),
    (
        "the cell holds {} characters; a cell holds at most 32 767 (Excel's limit)",
        "cellen har {} tecken; en cell rymmer högst 32 767 (Excels gräns)",
    ),
    (
        "deviations are given twice, with their histories here and flat in {}; give one (the histories are read, the flat file is left out)",
        "avvikelserna är angivna två gånger, med historik här och platt i {}; ange en (historiken läses, den platta filen lämnas utanför)",
    ),
    ("a second {} sheet; keep one", "ett andra {}-blad; behåll ett"),
    // A missing optional column and what goes wrong without it (its value a template too).
    (
        "the column {} is missing: {}; add it (empty cells are fine where nothing is known)",
        "kolumnen {} saknas: {}; lägg till den (tomma celler går bra där inget är känt)",
    ),
    (
        "none of the columns {} is given: {}; add it (empty cells are fine where nothing is known)",
        "ingen av kolumnerna {} finns: {}; lägg till den (tomma celler går bra där inget är känt)",
    ),
    (
        "every client who left counts as active and no one as closed (active_clients, closed_clients)",
        "varje klient som slutat räknas som aktuell och ingen som avslutad (active_clients, closed_clients)",
    ),
    (
        "every client's age band is unknown (active_clients, new_clients, closed_clients)",
        "varje klients åldersgrupp är okänd (active_clients, new_clients, closed_clients)",
    ),
    (
        "assignments and the assignments per client would be all zeros",
        "assignments och uppdragen per klient skulle bli bara nollor",
    ),
    ("{} would be all zeros", "{} skulle bli bara nollor"),
    (
        "no client has a municipality (clients per municipality)",
        "ingen klient har en kommun (klienter per kommun)",
    ),
    (
        "every client is in one unnamed area (clients_by_area)",
        "varje klient hamnar i ett och samma namnlösa område (clients_by_area)",
    ),
    (
        "the waiting times from application to start cannot be computed",
        "väntetiderna från ansökan till start kan inte räknas ut",
    ),
    ("no applicant is in a {} priority group", "ingen sökande är i en prioriteringsgrupp för {}"),
    // The compilation's findings (crate::chain) and the command's reasons for leaving a file out.
    ("left out of the compilation: {}", "lämnad utanför sammanställningen: {}"),
    ("it cannot be read: {}", "den kan inte läsas: {}"),
    ("last year's submission {}", "förra årets redovisning {}"),
    ("reports the year {}, not {}", "redovisar året {}, inte {}"),
    ("{} is not one of Sweden's 290 municipalities", "{} är inte en av Sveriges 290 kommuner"),
    ("claimed by two services: {} and {}", "anges av två verksamheter: {} och {}"),
    (
        "{} services counted in the counties, {} nationally: a service with municipalities in more than one county counts once in each county and once in the nation",
        "{} verksamheter räknade i länen, {} i hela landet: en verksamhet med kommuner i mer än ett län räknas en gång i varje län och en gång i hela landet",
    ),
    (
        "the text states a change of {} municipalities; the table's changes sum to {}",
        "texten anger en förändring med {} kommuner; tabellens förändringar summerar till {}",
    ),
    ("{}: the cells sum to {}, the total says {}", "{}: cellerna summerar till {}, totalen säger {}"),
    (
        "{}: the published cells alone sum to {}, more than the total {}",
        "{}: de publicerade cellerna ensamma summerar till {}, mer än totalen {}",
    ),
    ("the host {} is not among its municipalities", "värdkommunen {} är inte bland dess kommuner"),
    ("the form has no {} line: {}", "formuläret har ingen rad {}: {}"),
    ("its ombud are unknown in the sums (hidden)", "dess ombud är okända i summorna (dolda)"),
    ("counted as 0", "räknas som 0"),
    ("10 § 2 is missing: no client is reported", "10 § 2 saknas: ingen klient redovisas"),
    (
        "10 § 3 is missing: no assessment guidelines or priority order",
        "10 § 3 saknas: inga bedömningsriktlinjer eller prioriteringsordning",
    ),
    (
        "10 § 4 is missing: no leadership group (5 §) is reported",
        "10 § 4 saknas: ingen ledningsgrupp (5 §) redovisas",
    ),
    (
        "the contact reasons of new clients are not reported (a submission of schema 3 or earlier): seed 001's figure 1 cannot count them",
        "nya klienters kontaktorsaker redovisas inte (en redovisning enligt schema 3 eller äldre): den nationella rapportens figur 1 kan inte räkna dem",
    ),
    (
        "{}: {} clients, more than the {} active {} clients",
        "{}: {} klienter, fler än de {} aktuella klienterna ({})",
    ),
    (
        "{}: {} clients, more than the {} new {} clients",
        "{}: {} klienter, fler än de {} nya klienterna ({})",
    ),
    ("{}: {}, more than the {} of {}", "{}: {}, fler än {} i {}"),
    (
        "the grant does not add up: decided {}, paid {}, repaid {}",
        "statsbidraget går inte ihop: beviljat {}, utbetalt {}, återbetalt {}",
    ),
    (
        "{} positions reported, the grant was decided for {}",
        "{} årsarbetare redovisade, statsbidraget beviljades för {}",
    ),
    (
        "{} submissions from one service: only the first is compiled",
        "{} redovisningar från en verksamhet: bara den första sammanställs",
    ),
    // How `po audit` relates the documents (crate::publications).
    (
        "{} and {}: two versions of the service's register; not related (the service's ledger protects a corrected report against the first)",
        "{} och {}: två versioner av verksamhetens register; inte relaterade (verksamhetens liggare skyddar en rättad redovisning mot den första)",
    ),
    (
        "{} and {}: {} counts of the same service and year taken as one",
        "{} och {}: {} antal för samma verksamhet och år räknade som ett",
    ),
    ("{} is the sum of {} and the rest", "{} är summan av {} och resten"),
    // A deviation's history (crate::deviation::Deviation::validate).
    (
        "deviation {}: no documented row, which gives its event type, level and counterpart",
        "avvikelse {}: ingen rad documented, som ger dess händelsetyp, nivå och motpart",
    ),
    ("deviation {}, event {} ({}): {}", "avvikelse {}, händelse {} ({}): {}"),
    ("a deviation needs an id", "en avvikelse behöver ett id"),
    (
        "comes after the deviation was closed (a recurrence is a new deviation)",
        "kommer efter att avvikelsen stängts (en upprepning är en ny avvikelse)",
    ),
    ("dated {}, before the previous event ({})", "daterad {}, före föregående händelse ({})"),
    ("documented twice", "dokumenterad två gånger"),
    ("the first event must be documented", "den första händelsen måste vara documented"),
    ("the reply is asked for before it was sent ({})", "svaret begärs före utskicket ({})"),
    (
        "feedback before the deviation was sent to anyone",
        "återkoppling innan avvikelsen skickats till någon",
    ),
    ("no event: the first must be documented", "ingen händelse: den första måste vara documented"),
    (
        "the {} contains something that looks like an identity number; free text must not identify the client",
        "fältet {} innehåller något som liknar ett identitetsnummer; fritext får inte identifiera klienten",
    ),
    ("unknown sheet, not read; expected one of {}", "okänt blad, läses inte; väntade ett av {}"),
    (
        "the text states a change of {} municipalities, which cannot be checked without the previous year's submissions",
        "texten anger en förändring med {} kommuner, som inte kan prövas utan förra årets redovisningar",
    ),
    (
        "table 5's grant outcome covers the {} of {} services that reported their grant",
        "utfallet för statsbidraget i tabell 5 omfattar de {} av {} verksamheter som redovisat sitt statsbidrag",
    ),
    // A list of names shortened (text::list_names), inside a value.
    ("{}, … ({} more)", "{}, … ({} till)"),
];

/// A finding of the compilation as the reader is shown it: "PO X (file): reason", the reason
/// in Swedish when `sv`.
pub(crate) fn finding(f: &crate::chain::ChainFinding, sv: bool) -> String {
    if !sv {
        return f.to_string();
    }
    // The finding's own wording of where it is ("PO X (file): …"), with the reason in Swedish.
    crate::chain::ChainFinding {
        reason: in_swedish(&f.reason),
        ..f.clone()
    }
    .to_string()
}

/// The words of `template` between its values.
fn parts(template: &str) -> Vec<&str> {
    template.split("{}").collect()
}

/// The values of `reason` if it is worded as `english`, in order.
fn values<'r>(reason: &'r str, english: &str) -> Option<Vec<&'r str>> {
    let parts = parts(english);
    let (first, rest) = parts.split_first()?;
    let mut tail = reason.strip_prefix(first)?;
    let mut found = Vec::new();
    for (i, part) in rest.iter().enumerate() {
        let last = i + 1 == rest.len();
        // Byte positions of a match, so always on a character's boundary (the values are
        // Swedish text: a position counted back from the end could split an "ä").
        let at = if last {
            tail.strip_suffix(*part)?.len()
        } else {
            tail.find(part)?
        };
        found.push(&tail[..at]);
        tail = &tail[at + part.len()..];
    }
    (rest.is_empty() && tail.is_empty() || !rest.is_empty()).then_some(found)
}

/// `reason` in Swedish, or as it is when no template words it. A value that is itself a
/// template's wording (what goes wrong without a column; a deviation's reason) is put in
/// Swedish too; a value from the file (a quoted cell, a date) matches none and stays.
pub(crate) fn in_swedish(reason: &str) -> String {
    for (english, swedish) in templates() {
        let Some(values) = values(reason, english) else {
            continue;
        };
        // serde's words where serde describes a value and what it expected; elsewhere a
        // value may be a template's wording itself.
        let serde = ["invalid type: ", "invalid value: ", "invalid length "]
            .iter()
            .any(|start| english.starts_with(start));
        let values: Vec<String> = values
            .into_iter()
            .map(|v| match serde.then(|| serde_words(v)).flatten() {
                Some(words) => words,
                None => in_swedish(v),
            })
            .collect();
        return fill(swedish, &values);
    }
    reason.to_owned()
}

/// serde's description of a value or of what it expected, in Swedish, if it is one of
/// [`errors::SERDE_WORDS`].
fn serde_words(value: &str) -> Option<String> {
    errors::SERDE_WORDS.iter().find_map(|(english, swedish)| {
        let values: Vec<String> = values(value, english)?
            .into_iter()
            .map(str::to_owned)
            .collect();
        Some(fill(swedish, &values))
    })
}

/// A Swedish template with its values: `{}` takes the next value; `{n}` the n-th (a Swedish
/// order of words).
fn fill(swedish: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut next = 0;
    let mut rest = swedish;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
        let index = match &rest[open + 1..close] {
            "" => {
                next += 1;
                next - 1
            }
            n => n.parse().unwrap_or(usize::MAX),
        };
        out.push_str(values.get(index).map_or("", String::as_str));
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::in_swedish;

    #[test]
    fn reasons_read_in_swedish_with_their_values() {
        assert_eq!(in_swedish("a value is required"), "ett värde krävs");
        assert_eq!(
            in_swedish("expected a date YYYY-MM-DD, got \"2023-13-01\""),
            "väntade ett datum ÅÅÅÅ-MM-DD, fick \"2023-13-01\""
        );
        assert_eq!(
            in_swedish("unknown gender \"robot\": expected one of woman, man, other (or its Swedish or English label)"),
            "okänt värde \"robot\" i kodlistan gender: väntade ett av woman, man, other (eller dess svenska eller engelska benämning)"
        );
        assert_eq!(
            in_swedish("starts 2031-02-26, after today (2026-12-06); check the year"),
            "börjar 2031-02-26, efter i dag (2026-12-06); kontrollera året"
        );
        // What goes wrong without a column, itself in Swedish.
        assert_eq!(
            in_swedish("the column area is missing: every client is in one unnamed area (clients_by_area); add it (empty cells are fine where nothing is known)"),
            "kolumnen area saknas: varje klient hamnar i ett och samma namnlösa område (clients_by_area); lägg till den (tomma celler går bra där inget är känt)"
        );
        assert_eq!(
            in_swedish("deviation d1, event 2 (raised): documented twice"),
            "avvikelse d1, händelse 2 (raised): dokumenterad två gånger"
        );
        assert_eq!(
            in_swedish("10 § 4 is missing: no leadership group (5 §) is reported"),
            "10 § 4 saknas: ingen ledningsgrupp (5 §) redovisas"
        );
        assert_eq!(
            in_swedish("left out of the compilation: reports the year 2022, not 2023"),
            "lämnad utanför sammanställningen: redovisar året 2022, inte 2023"
        );
        // Not a template's wording: shown as it is, nothing lost.
        assert_eq!(in_swedish("something else"), "something else");
        assert_eq!(in_swedish("a value is required!"), "a value is required!");
    }

    /// A reason worded as a template is translated by that template, not by an earlier, more
    /// general one (the list's order: the more specific first).
    #[test]
    fn each_template_is_the_first_to_match_its_own_wording() {
        for (i, (english, _)) in super::templates().enumerate() {
            let mut n = 0;
            let filled: String = english
                .split("{}")
                .enumerate()
                .map(|(j, part)| {
                    if j == 0 {
                        part.to_owned()
                    } else {
                        n += 1;
                        format!("\"värde{n}\"{part}")
                    }
                })
                .collect();
            let first = super::templates().position(|(e, _)| super::values(&filled, e).is_some());
            assert_eq!(first, Some(i), "{filled:?} is taken by an earlier template");
        }
    }

    /// No text makes the translation panic: Swedish letters where a template's words would end.
    #[test]
    fn no_text_makes_it_panic() {
        let reason = "the required column is missing; the header has handläggare, gender, birth_year, started_on";
        assert_eq!(
            in_swedish(reason),
            "den obligatoriska kolumnen saknas; rubrikraden har handläggare, gender, birth_year, started_on"
        );
        for text in [
            "ä",
            "åäö is not a municipality of this servicä",
            "{}",
            "ö would be all zeroså",
            "",
        ] {
            let _ = in_swedish(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_translates_without_panic(s in "\\PC{0,80}") {
            let _ = in_swedish(&s);
        }
    }

    /// Every template's values are the same in number in both languages (but the system's
    /// error number, which a Swedish reader is not shown).
    #[test]
    fn templates_carry_every_value() {
        for (english, swedish) in super::templates() {
            let values = english.matches("{}").count();
            let placed = swedish.matches('{').count();
            let dropped = usize::from(english.ends_with("(os error {})"));
            assert_eq!(values - dropped, placed, "{english}");
        }
    }

    /// serde's own words in a JSON document's error (issue 34): what the value is and what
    /// was expected, in Swedish; the same words elsewhere (a field's name) stay as written.
    #[test]
    fn serde_s_words_read_in_swedish() {
        assert_eq!(
            in_swedish("invalid type: string \"tio\", expected u64 at line 3 column 18"),
            "fel slags värde: texten \"tio\", väntade ett heltal, noll eller mer (rad 3, kolumn 18)"
        );
        assert_eq!(
            in_swedish("invalid type: integer `5`, expected a string at line 1 column 9"),
            "fel slags värde: heltalet `5`, väntade en text (rad 1, kolumn 9)"
        );
        assert_eq!(
            in_swedish(
                "invalid type: map, expected a Decimal type representing a fixed-point number"
            ),
            "fel slags värde: ett objekt, väntade ett decimaltal"
        );
        assert_eq!(
            in_swedish("invalid type: sequence, expected struct Policy"),
            "fel slags värde: en lista, väntade ett objekt (Policy)"
        );
        // A wording serde's list does not hold is shown as it is, within the Swedish frame.
        assert_eq!(
            in_swedish("invalid value: integer `-1`, expected a weekday"),
            "ogiltigt värde: heltalet `-1`, väntade a weekday"
        );
        // A list or an object of the wrong length: serde's words for what was expected.
        assert_eq!(
            in_swedish("invalid length 1, expected a tuple of size 2 at line 1 column 3"),
            "fel längd 1, väntade en lista med 2 värden (rad 1, kolumn 3)"
        );
        assert_eq!(
            in_swedish("invalid length 1, expected struct Policy with 3 elements"),
            "fel längd 1, väntade ett objekt (Policy) med 3 värden"
        );
        // Not serde's words: a field named `map` stays `map`.
        assert_eq!(
            in_swedish("unknown field `map`, expected `name`"),
            "okänt fält `map`, väntade `name`"
        );
        assert_eq!(
            in_swedish("invalid type: integer `5`, expected string containing a decimal"),
            "fel slags värde: heltalet `5`, väntade en text med ett decimaltal"
        );
        // Every Swedish wording carries its English one's values.
        for (english, swedish) in super::errors::SERDE_WORDS {
            assert_eq!(
                english.matches("{}").count(),
                swedish.matches('{').count(),
                "{english}"
            );
        }
    }

    /// po-core's errors as the command passes them on, in Swedish with their values.
    #[test]
    fn errors_read_in_swedish() {
        assert_eq!(
            in_swedish("policy: unknown field `colour`, expected one of `name`, `source` at line 1 column 22"),
            "prioriteringsordningen: okänt fält `colour`, väntade ett av `name`, `source` (rad 1, kolumn 22)"
        );
        assert_eq!(
            in_swedish("it cannot be read: subs/a.json: submission: missing field `service` at line 1 column 30"),
            "den kan inte läsas: subs/a.json: redovisningen: fältet `service` saknas (rad 1, kolumn 30)"
        );
        assert_eq!(
            in_swedish("population table, line 2: expected region, age and count, got 1 columns"),
            "befolkningstabellen, rad 2: väntade region, ålder och antal, fick 1 kolumner"
        );
        assert_eq!(
            in_swedish("the required column is missing; the header has a, b, … (3 more)"),
            "den obligatoriska kolumnen saknas; rubrikraden har a, b, … (3 till)"
        );
        assert_eq!(
            in_swedish("No such file or directory (os error 2)"),
            "filen eller mappen finns inte"
        );
        assert_eq!(
            in_swedish("k: expected a threshold of 2 or more, got 1"),
            "k: väntade en tröskel på 2 eller mer, fick 1"
        );
        // `po audit`'s published files (issue 31 point 4).
        assert_eq!(
            in_swedish("ut/saknas: cannot read: No such file or directory (os error 2)"),
            "ut/saknas: kan inte läsas: filen eller mappen finns inte"
        );
        assert_eq!(
            in_swedish(
                "t/active_clients.csv, row 3, column \"30–49 år\": \"sju\" is neither a count \
                 nor \"..\" (hidden)"
            ),
            "t/active_clients.csv, rad 3, kolumn \"30–49 år\": \"sju\" är varken ett antal \
             eller \"..\" (dolt)"
        );
        assert_eq!(
            in_swedish(
                "t/about.csv, row 5: k \"1\": expected a threshold of 2 or more, or unprotected"
            ),
            "t/about.csv, rad 5: k \"1\": väntade en tröskel på 2 eller mer, eller unprotected"
        );
    }
}
