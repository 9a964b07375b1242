//! po-core's errors in Swedish (issue 32 point 2): what the command passes on when a JSON
//! document, a preset, an option or a file cannot be used. The templates follow the errors'
//! `#[error]` wordings (`money/error.rs`, `priority/error.rs`, `organisation/error.rs`,
//! `disclosure`, `publications.rs`, `chain/submission.rs`, the readers of populations and flat
//! submissions) and serde_json's and the system's own messages; the more specific first.

/// English template → Swedish template (see [`super::in_swedish`]).
pub(super) const ERRORS: &[(&str, &str)] = &[
    // serde_json: the JSON documents (policy, agreement, leadership group, submission, ledger).
    ("{} at line {} column {}", "{} (rad {}, kolumn {})"),
    ("expected value", "väntade ett värde"),
    ("missing field `{}`", "fältet `{}` saknas"),
    ("unknown field `{}`, expected one of {}", "okänt fält `{}`, väntade ett av {}"),
    ("unknown field `{}`, expected {}", "okänt fält `{}`, väntade {}"),
    ("unknown field `{}`, there are no fields", "okänt fält `{}`, här finns inga fält"),
    ("unknown variant `{}`, expected one of {}", "okänt värde `{}`, väntade ett av {}"),
    ("unknown variant `{}`, expected {}", "okänt värde `{}`, väntade {}"),
    ("duplicate field `{}`", "fältet `{}` finns två gånger"),
    ("invalid type: {}, expected {}", "fel slags värde: {}, väntade {}"),
    ("invalid value: {}, expected {}", "ogiltigt värde: {}, väntade {}"),
    ("invalid length {}, expected {}", "fel längd {}, väntade {}"),
    ("EOF while parsing a value", "filen tar slut mitt i ett värde"),
    ("EOF while parsing an object", "filen tar slut mitt i ett objekt"),
    ("EOF while parsing a list", "filen tar slut mitt i en lista"),
    ("EOF while parsing a string", "filen tar slut mitt i en text"),
    ("trailing characters", "tecken efter dokumentets slut"),
    ("trailing comma", "ett kommatecken för mycket"),
    ("key must be a string", "en nyckel måste vara en text"),
    ("expected `,` or `}`", "väntade `,` eller `}`"),
    ("expected `,` or `]`", "väntade `,` eller `]`"),
    ("expected `:`", "väntade `:`"),
    ("expected ident", "väntade true, false eller null"),
    ("invalid number", "ogiltigt tal"),
    ("control character (\\u0000-\\u001F) found while parsing a string", "styrtecken i en text"),
    // The system's words about a file (Linux's wording; others are shown as they are).
    ("No such file or directory (os error {})", "filen eller mappen finns inte"),
    ("Permission denied (os error {})", "åtkomst nekad"),
    ("Is a directory (os error {})", "är en mapp"),
    ("Not a directory (os error {})", "är inte en mapp"),
    ("No space left on device (os error {})", "disken är full"),
    ("Read-only file system (os error {})", "filsystemet är skrivskyddat"),
    ("File exists (os error {})", "finns redan"),
    // Money (money/error.rs) and the SCB population table (io/read/population.rs).
    ("{}: expected an amount of zero or more kronor, got {}", "{}: väntade ett belopp på noll kronor eller mer, fick {}"),
    ("{}: expected more than zero, got {}", "{}: väntade mer än noll, fick {}"),
    ("participants: an agreement needs at least one municipality", "participants: ett avtal behöver minst en kommun"),
    ("participants[{}]: municipality {} is already listed", "participants[{}]: kommunen {} finns redan med"),
    ("host: municipality {} is not among the participants", "host: kommunen {} finns inte bland deltagarna"),
    (
        "agreement: fixed income, administration fee and surplus used exceed the costs by {} kr; a negative municipal total is not allocated silently — lower the income or the surplus used",
        "avtalet: fasta intäkter, administrationsavgift och använt överskott överstiger kostnaderna med {} kr; en negativ kommunal summa fördelas inte i tysthet — sänk intäkterna eller det använda överskottet",
    ),
    ("participants[{}].reference_date: {} does not match {}", "participants[{}].reference_date: {} stämmer inte med {}"),
    ("{}: unknown municipality {}", "{}: okänd kommun {}"),
    ("{}: the amount is too large (at most 10^15 kr, or 10^10 adults)", "{}: beloppet är för stort (högst 10^15 kr eller 10^10 vuxna)"),
    ("budget: the budget is for {}, the compilation for {}", "budget: budgeten gäller {}, sammanställningen {}"),
    ("the administrations' {} kr exceed the total {} kr", "administrationernas {} kr överstiger summan {} kr"),
    ("expected region, age and count, got {} columns", "väntade region, ålder och antal, fick {} kolumner"),
    ("age {} is not a number of years", "åldern {} är inte ett antal år"),
    ("count {} is not a whole number", "antalet {} är inte ett heltal"),
    // Priority (priority/error.rs).
    ("groups[{}]: the group {} is already listed at groups[{}]", "groups[{}]: gruppen {} finns redan som groups[{}]"),
    ("groups[{}].young_adults: expected 18 ≤ min_age ≤ max_age, got {}", "groups[{}].young_adults: väntade 18 ≤ min_age ≤ max_age, fick {}"),
    ("applicants[{}].id: the same id as applicants[{}]", "applicants[{}].id: samma id som applicants[{}]"),
    ("applicants[{}].birth_date: the applicant is under 18 on {}", "applicants[{}].birth_date: den sökande är under 18 år den {}"),
    ("applicants[{}].queued_on: {} is after the ranking date {}", "applicants[{}].queued_on: {} är efter dagen för rangordningen {}"),
    ("preset: unknown policy preset {}; expected one of {}", "preset: okänd förinställning {} för prioriteringsordningen; väntade en av {}"),
    ("period: {} is after {}", "period: {} är efter {}"),
    // Organisation (organisation/error.rs).
    (
        "{}: expected a 4-digit kommunkod whose first two digits are a county code (01–25) and last two are not 00, got {}",
        "{}: väntade en fyrsiffrig kommunkod vars två första siffror är en länskod (01–25) och två sista inte är 00, fick {}",
    ),
    ("year: {} is out of range", "year: {} ligger utanför det tillåtna intervallet"),
    ("participants[{}]: left {} is before joined {}", "participants[{}]: lämnade {} före inträdet {}"),
    ("participants: municipality {} is listed twice for overlapping periods", "participants: kommunen {} finns två gånger för perioder som överlappar"),
    ("positions: expected zero or more full-time positions, got {}", "positions: väntade noll eller fler heltidstjänster, fick {}"),
    ("participants: a PO service needs at least one municipality", "participants: en PO-verksamhet behöver minst en kommun"),
    ("{} {} is before SFS 2013:522 came into force (2013-08-01)", "{} {} är före ikraftträdandet av SFS 2013:522 (2013-08-01)"),
    // Disclosure control, the ledger and the published documents (disclosure, publications.rs).
    ("k: expected a threshold of 2 or more, got {}", "k: väntade en tröskel på 2 eller mer, fick {}"),
    ("values: expected one per cell ({}), got {}", "values: väntade ett per cell ({}), fick {}"),
    ("the published numbers contradict a relation between {}", "de publicerade talen motsäger ett samband mellan {}"),
    (
        "refused to publish: {} hidden cells can be computed or shown to be small (first: {})",
        "publiceras inte: {} dolda celler kan räknas ut eller visas vara små (den första: {})",
    ),
    ("relation: no cell {}", "relation: ingen cell {}"),
    ("the audit's LP solver failed: {}", "granskningens LP-lösare misslyckades: {}"),
    ("schema {}, expected {}", "schema {}, väntade {}"),
    ("scope: expected one of {}, got {}", "scope: väntade en av {}, fick {}"),
    (
        "it records the publications of {} {} for {}, not of service {} for {}",
        "den förtecknar publikationerna för {} {} år {}, inte för verksamheten {} år {}",
    ),
    (
        "it records the publications of {} {} for {}, not of {} {} for {}",
        "den förtecknar publikationerna för {} {} år {}, inte för {} {} år {}",
    ),
    (
        "its content does not match its hash: it was edited or damaged since po wrote it",
        "innehållet stämmer inte med dess kontrollsumma: den har ändrats eller skadats sedan po skrev den",
    ),
    ("no such year {}", "inget år {}"),
    (
        "a report protected already cannot be protected against the ledger: make it unprotected, with its true counts",
        "en redan skyddad redovisning kan inte skyddas mot liggaren: gör den oskyddad, med sina verkliga antal",
    ),
    (
        "relations are checked on a report's true counts: make it unprotected",
        "samband prövas på en redovisnings verkliga antal: gör den oskyddad",
    ),
    ("{}: {} is confidential (exact counts), not a publication", "{}: {} är konfidentiell (exakta antal), inte en publikation"),
    ("{}: not JSON ({})", "{}: inte JSON ({})"),
    ("{}: not an annual report as po writes it: {}", "{}: inte en årsredovisning som po skriver den: {}"),
    ("{}: not a compilation as po writes it: {}", "{}: inte en sammanställning som po skriver den: {}"),
    (
        "{}: neither an annual report nor a compilation as po writes them (JSON)",
        "{}: varken en årsredovisning eller en sammanställning som po skriver dem (JSON)",
    ),
    // The flat submission's fields (io/read/flat.rs).
    ("the field {} is missing", "fältet {} saknas"),
    ("{}: expected a number, got {}", "{}: väntade ett tal, fick {}"),
    ("year: expected a year such as 2023", "year: väntade ett år som 2023"),
    ("ombud: expected a count, got {}", "ombud: väntade ett antal, fick {}"),
    ("published_k: expected a threshold such as 3, got {}", "published_k: väntade en tröskel som 3, fick {}"),
    ("expected section;row;column;value, got {} fields", "väntade avsnitt;rad;kolumn;värde, fick {} fält"),
    ("unknown field {}; expected one of {}", "okänt fält {}; väntade ett av {}"),
    ("unknown section {}; expected a field or one of {}", "okänt avsnitt {}; väntade ett fält eller ett av {}"),
    ("the workbook has no sheet", "arbetsboken har inget blad"),
    // The boundary's own (po-ffi).
    (
        "budget: the budget is the nation's; compile the nation (county empty)",
        "budget: budgeten är hela landets; sammanställ landet (county tomt)",
    ),
    // Identity numbers (identity/number.rs), where one is read as such.
    (
        "identity number: expected 10 or 12 digits (YYMMDDNNNC or YYYYMMDDNNNC), optionally with '-' or '+' before the last four digits; got {} characters",
        "identitetsnummer: väntade 10 eller 12 siffror (ÅÅMMDDNNNK eller ÅÅÅÅMMDDNNNK), med eller utan '-' eller '+' före de fyra sista; fick {} tecken",
    ),
    ("identity number: the birth date part is not a valid calendar date", "identitetsnummer: födelsedatumet är inget giltigt datum"),
    ("identity number: the birth number (digits 7–9) is 000, which is never assigned", "identitetsnummer: födelsenumret (siffrorna 7–9) är 000, som aldrig tilldelas"),
    ("identity number: the check digit does not match (Luhn over YYMMDDNNN)", "identitetsnummer: kontrollsiffran stämmer inte (Luhn över ÅÅMMDDNNN)"),
    (
        "identity number: the birth date is after the date it was written, or 200 years or more before it",
        "identitetsnummer: födelsedatumet är efter dagen det skrevs, eller 200 år eller mer före den",
    ),
    // Where: a file, a line, a document's kind (the rest is put in Swedish on its own); last,
    // so that a more specific wording above is taken first.
    ("{}: line {}: {}", "{}: rad {}: {}"),
    ("{}: submission: {}", "{}: redovisningen: {}"),
    ("line {}: {}", "rad {}: {}"),
    ("submission: {}", "redovisningen: {}"),
    ("policy: {}", "prioriteringsordningen: {}"),
    ("agreement: {}", "avtalet: {}"),
    ("ledger: {}", "liggaren: {}"),
    ("budget: {}", "budget: {}"),
    ("population table, line {}: {}", "befolkningstabellen, rad {}: {}"),
];

/// serde's own words for what a JSON value is and what was expected, in Swedish: used only for
/// the two values of `invalid type: {}, expected {}` and `invalid value: {}, expected {}`
/// (see [`super::in_swedish`]), where they are serde's and never a user's own word (a field
/// named `map` stays `map`). serde's, serde_json's, rust_decimal's and time's wordings, the
/// more specific first; a wording not here is shown as it is.
pub(super) const SERDE_WORDS: &[(&str, &str)] = &[
    ("string containing a decimal", "en text med ett decimaltal"),
    ("string {}", "texten {}"),
    ("integer `{}`", "heltalet `{}`"),
    ("floating point `{}`", "decimaltalet `{}`"),
    ("boolean `{}`", "sanningsvärdet `{}`"),
    ("map", "ett objekt"),
    ("sequence", "en lista"),
    ("unit value", "ett tomt värde"),
    ("a string", "en text"),
    ("a borrowed string", "en text"),
    ("a sequence", "en lista"),
    ("a map", "ett objekt"),
    ("a boolean", "sant eller falskt"),
    ("an integer", "ett heltal"),
    ("struct {}", "ett objekt ({})"),
    ("u8", "ett heltal, noll eller mer"),
    ("u16", "ett heltal, noll eller mer"),
    ("u32", "ett heltal, noll eller mer"),
    ("u64", "ett heltal, noll eller mer"),
    ("usize", "ett heltal, noll eller mer"),
    ("i8", "ett heltal"),
    ("i16", "ett heltal"),
    ("i32", "ett heltal"),
    ("i64", "ett heltal"),
    ("f32", "ett tal"),
    ("f64", "ett tal"),
    (
        "a Decimal type representing a fixed-point number",
        "ett decimaltal",
    ),
    ("string containing a decimal", "en text med ett decimaltal"),
    ("a `Date`", "ett datum"),
];
