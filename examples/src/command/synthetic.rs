//! `po synthetic-nation`: the SYNTHETIC nation's submissions written out, so that anyone can run
//! `po compile` on a whole nation and read the national report (issue 34 point 4).

use std::io::Write;
use std::path::Path;

use po_core::chain::Submission;
use po_core::disclosure::Protection;
use po_core::report::{annual_report, ReportOptions};

use super::args::{parse, year};
use super::files::{create_dir, write_file};
use super::{failed, tr, usage, Fail, OK};

pub(super) const HELP: &str = "Usage: po synthetic-nation --out DIR [--year Y] [--lang sv|en]

Writes the SYNTHETIC nation's submissions to länsstyrelserna: 106 services across the 21
counties (every one of the 290 municipalities served once), each with a generated register of
40–120 clients — about 8 500 in all, nobody real. Each submission holds exact counts, marked
confidential, as `po report --municipalities` writes it, with what seed 001 asks besides: who
runs it (seven of them another organisation, with SYNTHETIC names), its routines for
shortcomings and priority order (100 of 106 each) and its grant. Then `po compile DIR --year Y` gives
the nation's report, and `--county C` a county's. Default year 2023.";

/// The help in Swedish.
pub(super) const HELP_SV: &str =
    "Användning: po synthetic-nation --out MAPP [--year Å] [--lang sv|en]

Skriver det SYNTETISKA landets redovisningar till länsstyrelserna: 106 verksamheter i de 21
länen (var och en av de 290 kommunerna betjänas en gång), var och en med ett genererat register
med 40–120 klienter — omkring 8 500 sammanlagt, ingen verklig. Varje redovisning har exakta
antal, märkta konfidentiella, så som `po report --municipalities` skriver den, med det seed 001
frågar efter därutöver: vem som driver den (sju av dem en annan organisation, med SYNTETISKA
namn), rutiner för brister och prioriteringsordning (100 av 106 vardera) och statsbidraget.
Sedan ger
`po compile MAPP --year Å` hela landets rapport, och `--county L` ett läns. Förval år 2023.";

pub(super) fn synthetic_nation(
    args: &[String],
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> Result<i32, Fail> {
    let a = parse(args, &["out", "year"], &[]).map_err(usage)?;
    let year = if a.options.contains_key("year") {
        year(&a)?
    } else {
        2023
    };
    let dir = Path::new(
        a.options
            .get("out")
            .ok_or_else(|| usage(tr!("--out MAPP krävs", "--out DIR is required")))?,
    );
    create_dir(dir)?;
    let services = crate::synthetic::nation(year);
    let national = po_core::priority::PriorityPolicy::preset("national_2019").map_err(failed)?;
    let mut clients = 0;
    for (n, s) in services.iter().enumerate() {
        let options = ReportOptions {
            year,
            service_name: s.name.clone(),
            protection: Protection::Unprotected,
            priority_policy: s.priority_order.then(|| national.clone()),
            ..ReportOptions::default()
        };
        let exact = annual_report(&s.register, &options).map_err(failed)?;
        clients += s.register.clients.len();
        let host = s.municipalities[0];
        let mut submission = Submission::exact(host, s.municipalities.clone(), None, exact, None);
        submission.provider = s.provider.clone();
        submission.deviation_routines = Some(s.deviation_routines);
        submission.grant = Some(s.grant);
        submission.shortcomings = s.shortcomings.clone();
        let path = dir.join(format!("{:03}-{host}.json", n + 1));
        write_file(&path, (submission.to_json() + "\n").as_bytes())?;
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            "{} SYNTETISKA redovisningar för {year} ({clients} klienter i registren) i {}; sedan: po compile {} --year {year}",
            "{} SYNTHETIC submissions for {year} ({clients} clients in the registers) in {}; next: po compile {} --year {year}",
            services.len(),
            dir.display(),
            dir.display()
        )
    );
    Ok(OK)
}
