//! Issue 32 point 2: the command speaks the user's language — `--lang`, else the locale —
//! in its help, messages, progress and problems; a Swedish run shows no English text, and an
//! English one no Swedish apart from names.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use super::cli::{po_in, scratch, DATA};

const COMMANDS: &[&str] = &[
    "report",
    "check",
    "queue",
    "costs",
    "compile",
    "audit",
    "schema",
    "synthetic-nation",
];

/// Words that only English text has (never a name po prints).
const ENGLISH: &[&str] = &[
    "Usage",
    "the ",
    " and ",
    "expected",
    "problem(s)",
    " row ",
    " column",
    "written",
    "Options",
    "default",
    "unknown",
    "cannot",
    "required",
];

/// Words that only Swedish text has.
const SWEDISH: &[&str] = &[
    "Användning",
    " och ",
    " eller ",
    "förval",
    "väntade",
    " rad ",
    "kolumn",
    "skrivet",
    "Inga fel",
    "okänd",
    "krävs",
];

fn all_text(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn none_of(text: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(!text.contains(w), "{what}: {w:?} in\n{text}");
    }
}

#[test]
fn every_command_s_help_in_the_locale_s_language_or_lang_s() {
    for command in COMMANDS {
        let sv = all_text(&po_in(&[command, "--help"], "sv_SE.UTF-8"));
        assert!(sv.starts_with("Användning: po "), "{command}: {sv}");
        none_of(&sv, ENGLISH, command);
        let en = all_text(&po_in(&[command, "--help", "--lang", "en"], "sv_SE.UTF-8"));
        assert!(en.starts_with("Usage: po "), "{command}: {en}");
        for w in ["Användning", "förval", "väntade"] {
            assert!(!en.contains(w), "{command}: {w} in {en}");
        }
        // --lang sv wins over an English locale.
        let sv = all_text(&po_in(&[command, "--help", "--lang", "sv"], "en_GB.UTF-8"));
        assert!(sv.starts_with("Användning: po "), "{command}: {sv}");
    }
    let main = all_text(&po_in(&["--help"], "sv_SE.UTF-8"));
    assert!(main.contains("Kommandon:"), "{main}");
    none_of(&main, ENGLISH, "po --help");
}

#[test]
fn check_and_report_speak_swedish_in_a_swedish_locale() {
    let dir = scratch("language");
    let clients = dir.join("klienter.csv");
    std::fs::write(
        &clients,
        "id;Kön;födelseår;start;slut;hemmavarande barn;kontaktorsaker;uppdrag;kommun;område;ansökt\n\
         k1;Kvinna;1980;2023-01-10;;ja;Ekonomi;;1780;Norra;\n\
         k2;robot;1980;2023-13-01;;kanske;;;1780;Norra;\n",
    )
    .unwrap();
    let sv = po_in(&["check", clients.to_str().unwrap()], "sv_SE.UTF-8");
    let text = all_text(&sv);
    assert_eq!(sv.status.code(), Some(1));
    assert!(
        text.starts_with("klienter.csv, rad 3, kolumn \"Kön\": okänt värde \"robot\""),
        "{text}"
    );
    assert!(
        text.contains("väntade ett datum ÅÅÅÅ-MM-DD, fick \"2023-13-01\""),
        "{text}"
    );
    assert!(text.ends_with("3 fel i 1 fil(er).\n"), "{text}");
    none_of(&text, ENGLISH, "po check");
    let en = all_text(&po_in(
        &["check", clients.to_str().unwrap(), "--lang", "en"],
        "sv_SE.UTF-8",
    ));
    assert!(en.ends_with("3 problem(s) in 1 file(s).\n"), "{en}");
    none_of(&en, SWEDISH, "po check --lang en");

    let out = dir.join("out");
    let clean = po_in(
        &["check", &format!("{DATA}/clients.csv"), "--lang", "sv"],
        "C",
    );
    assert_eq!(
        all_text(&clean),
        "Inga fel: 240 klienter, 0 nybesök, 0 avvikelser, 0 i personalen.\n"
    );
    let r = po_in(
        &[
            "report",
            &format!("{DATA}/clients.csv"),
            "--year",
            "2023",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
        "sv_SE.UTF-8",
    );
    let text = all_text(&r);
    assert!(
        text.starts_with("Redovisningen för 2023 av 240 klienter, skyddad med k = 3; skrivet:"),
        "{text}"
    );
    none_of(&text, ENGLISH, "po report");
    // Usage errors too.
    let r = po_in(&["report", DATA], "sv_SE.UTF-8");
    assert_eq!(r.status.code(), Some(2));
    let text = all_text(&r);
    assert!(text.starts_with("po report: --year krävs"), "{text}");
    none_of(&text, ENGLISH, "po report without --year");
}

/// Each command's usage errors, in a Swedish locale: said in Swedish, with the Swedish help.
#[test]
fn usage_errors_in_swedish() {
    let clients = format!("{DATA}/clients.csv");
    for (args, said) in [
        (&["queue"][..], "po queue: ange en köexport"),
        (&["costs"], "po costs: ange ett avtal (JSON)"),
        (&["compile", DATA], "po compile: --year krävs"),
        (&["audit"], "po audit: ange de publicerade dokumenten"),
        (
            &["schema", "--format", "x"],
            "po schema: --format: väntade md, json eller json-schema",
        ),
        (
            &["synthetic-nation"],
            "po synthetic-nation: --out MAPP krävs",
        ),
        (
            &["check", "/no/such/dir"],
            "po check: filen eller mappen finns inte",
        ),
        (
            &["report", DATA, "--year", "2023", "--k", "x"],
            "po report: --k: väntade ett heltal",
        ),
        (
            &["audit", "--x"],
            "po audit: okänt val --x; väntade ett av --k, --lang\n",
        ),
        (
            &[
                "compile", DATA, "--year", "2023", "--county", "17", "--budget", "b.json",
            ],
            "po compile: --budget: budgeten är hela landets",
        ),
        (
            &["check", &clients, &clients],
            "po check: två filer av samma slag angivna: ",
        ),
    ] {
        let r = po_in(args, "sv_SE.UTF-8");
        let text = all_text(&r);
        assert!(text.starts_with(said), "{args:?}: {text}");
        none_of(&text, ENGLISH, &args.join(" "));
    }
}

/// The compilation's findings in the command's language, and in the Swedish document's list.
#[test]
fn compile_speaks_swedish_findings_included() {
    let dir = scratch("language-compile");
    let subs = dir.join("subs");
    let r = po_in(
        &["synthetic-nation", "--out", subs.to_str().unwrap()],
        "sv_SE.UTF-8",
    );
    let text = all_text(&r);
    assert!(
        text.starts_with("106 SYNTETISKA redovisningar för 2023"),
        "{text}"
    );
    let out = dir.join("out");
    let r = po_in(
        &[
            "compile",
            subs.to_str().unwrap(),
            "--year",
            "2023",
            "--format",
            "md",
            "--out",
            out.to_str().unwrap(),
        ],
        "sv_SE.UTF-8",
    );
    let text = all_text(&r);
    assert!(
        text.contains("): 10 § 4 saknas: ingen ledningsgrupp (5 §) redovisas\n"),
        "{text}"
    );
    assert!(
        text.contains("106 redovisning(ar), 106 sammanställda (skyddad med k = 3)"),
        "{text}"
    );
    none_of(&text, ENGLISH, "po compile");
    let md = std::fs::read_to_string(out.join("compilation-2023-riket.findings.sv.md")).unwrap();
    assert!(md.contains("## Att fråga verksamheterna om"), "{md}");
    assert!(
        !md.contains("is missing"),
        "English findings in the Swedish document"
    );
}

/// `po audit`'s account of how the documents relate, in Swedish.
#[test]
fn audit_speaks_swedish() {
    let dir = scratch("language-audit");
    let mut files = Vec::new();
    for k in ["3", "5"] {
        let out = dir.join(format!("k{k}"));
        let args = [
            "report", DATA, "--year", "2023", "--format", "json", "--k", k, "--out",
        ];
        let mut args: Vec<&str> = args.to_vec();
        args.push(out.to_str().unwrap());
        assert_eq!(po_in(&args, "C").status.code(), Some(0));
        files.push(out.join("report-2023.json").to_str().unwrap().to_owned());
    }
    let mut args = vec!["audit"];
    args.extend(files.iter().map(String::as_str));
    let text = all_text(&po_in(&args, "sv_SE.UTF-8"));
    assert!(text.starts_with("po audit: 2 dokument,"), "{text}");
    assert!(
        text.contains("antal för samma verksamhet och år räknade som ett"),
        "{text}"
    );
    assert!(
        text.ends_with("Inget kan räknas ut eller visas vara 1..2.\n"),
        "{text}"
    );
    none_of(&text, ENGLISH, "po audit");
}

/// `--lang` before the command chooses too; given twice it is refused (which would win?).
#[test]
fn lang_before_the_command_and_twice() {
    let file = format!("{DATA}/clients.csv");
    let r = po_in(&["--lang", "sv", "check", &file], "C");
    assert_eq!(r.status.code(), Some(0));
    assert!(
        all_text(&r).starts_with("Inga fel: 240 klienter"),
        "{}",
        all_text(&r)
    );
    let r = po_in(&["--lang=en", "check", &file], "sv_SE.UTF-8");
    assert!(
        all_text(&r).starts_with("No problems: 240 clients"),
        "{}",
        all_text(&r)
    );
    // Before the command it is the command's --lang: the documents follow it too.
    let out = scratch("language-before");
    let args = [
        "--lang", "en", "report", &file, "--year", "2023", "--format", "md", "--out",
    ];
    let mut args = args.to_vec();
    args.push(out.to_str().unwrap());
    let r = po_in(&args, "sv_SE.UTF-8");
    assert!(
        all_text(&r).starts_with("The 2023 report of 240 clients"),
        "{}",
        all_text(&r)
    );
    assert!(out.join("report-2023.en.md").exists());
    let r = po_in(
        &[
            "report", DATA, "--year", "2023", "--lang", "sv", "--lang", "en",
        ],
        "C",
    );
    assert_eq!(r.status.code(), Some(2));
    assert!(
        all_text(&r).starts_with("po report: --lang är angivet två gånger"),
        "{}",
        all_text(&r)
    );
}

/// Errors of po-core the command passes on (a policy's, an agreement's or a leadership group's
/// JSON, an unknown preset or vocabulary, a threshold, a county, a population table, a
/// submission, an audited document, a missing file), in a Swedish locale: in Swedish, the
/// file's own values as they are.
#[test]
fn po_core_s_errors_in_swedish() {
    let dir = scratch("language-errors");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let agreement =
        std::fs::read_to_string(format!("{DATA}/../varmland-2023-agreement.json")).unwrap();
    let broken_json = write("broken.json", "{\"name\": }");
    let policy_field = write("policy.json", "{\"name\": \"x\", \"colour\": 1}");
    let no_host = write(
        "agreement.json",
        &agreement.replacen("\"host\": \"1780\"", "\"host\": \"0180\"", 1),
    );
    let population = write("population.csv", "region;ålder;2023\nnonsense\n");
    let submission = write("submission.json", "{\"schema\": \"po-submission/v0\"}");
    let queue = format!("{DATA}/applicants.csv");
    let missing = dir.join("no-such.json").to_str().unwrap().to_owned();
    for (args, said) in [
        (
            vec![
                "queue",
                &queue,
                "--policy",
                &broken_json,
                "--date",
                "2023-12-31",
            ],
            "väntade ett värde",
        ),
        (
            vec![
                "queue",
                &queue,
                "--policy",
                &policy_field,
                "--date",
                "2023-12-31",
            ],
            "okänt fält `colour`",
        ),
        (
            vec![
                "queue",
                &queue,
                "--policy",
                "nationell",
                "--date",
                "2023-12-31",
            ],
            "okänd förinställning",
        ),
        (vec!["costs", &no_host], "finns inte bland deltagarna"),
        (vec!["costs", &broken_json], "väntade ett värde"),
        (
            vec![
                "costs",
                &format!("{DATA}/../varmland-2023-agreement.json"),
                "--population",
                &population,
            ],
            "befolkningstabellen, rad",
        ),
        (
            vec![
                "report",
                DATA,
                "--year",
                "2023",
                "--leadership",
                &broken_json,
            ],
            "inte en ledningsgrupp",
        ),
        (
            vec!["report", DATA, "--year", "2023", "--k", "1"],
            "väntade en tröskel på 2 eller mer, fick 1",
        ),
        (
            vec!["check", DATA, "--vocabulary", "skåne"],
            "okänt värde \"skåne\"",
        ),
        (
            vec!["compile", &submission, "--year", "2023", "--county", "99"],
            "--county:",
        ),
        (
            vec![
                "compile",
                &submission,
                "--year",
                "2023",
                "--out",
                dir.to_str().unwrap(),
            ],
            "kan inte läsas",
        ),
        (vec!["audit", &submission], "submission.json"),
        (vec!["audit", &missing], "filen eller mappen finns inte"),
    ] {
        let r = po_in(&args, "sv_SE.UTF-8");
        let text = all_text(&r);
        assert!(text.contains(said), "{args:?}: {said:?} not in\n{text}");
        none_of(&text, ENGLISH, &args.join(" "));
    }
}

/// `po schema` in a Swedish locale: the column reference in Swedish (the code lists' English
/// labels, which are names po reads, aside).
#[test]
fn schema_speaks_swedish() {
    let r = po_in(&["schema"], "sv_SE.UTF-8");
    let text = all_text(&r);
    assert!(
        text.starts_with("# Indatafiler och deras kolumner"),
        "{text}"
    );
    assert!(text.contains("| `started_on` | start, startdatum | krävs | datum | 2023-02-01 | datum då PO började |"), "{text}");
    let prose: String = text
        .lines()
        .filter(|l| !l.starts_with('`'))
        .collect::<Vec<_>>()
        .join("\n");
    none_of(&prose, ENGLISH, "po schema");
    let english = all_text(&po_in(&["schema", "--lang", "en"], "sv_SE.UTF-8"));
    assert!(english.starts_with("# Input files and their columns"));
}
