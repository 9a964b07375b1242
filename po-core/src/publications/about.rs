//! What a published file says about itself (issue 31 point 4): the service or services its
//! numbers are about, the year, the scope and the threshold it was protected with. The JSON
//! form of a report or a compilation carries these in its own fields; the CSV tables carry
//! them in `about.csv` beside them and a workbook on a hidden sheet named `po`, as rows of a
//! key and a value, so that `po audit` can place those files among the others (the same count
//! in two files of one service; a county as the sum of its services). They hold nothing the
//! document does not show: names, a year, a county's code, the threshold.
//!
//! ```text
//! schema;po-published/1
//! kind;report            (or compilation)
//! service;PO Värmland    (a row per service a compilation sums)
//! year;2023
//! county;17              (a compilation: the county's code; empty for the nation)
//! k;3                    (or unprotected)
//! ```

use crate::chain::Compilation;
use crate::disclosure::{DisclosureError, Protection};
use crate::report::AnnualReport;

/// The schema the rows declare; a file of another is refused.
pub const SCHEMA: &str = "po-published/1";

/// The name of the CSV file beside a report's tables, and of a workbook's hidden sheet.
pub const ABOUT_CSV: &str = "about.csv";
/// The hidden sheet of a workbook po publishes.
pub const ABOUT_SHEET: &str = "po";

/// What a published file is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct About {
    /// The service (a report) or the services compiled.
    pub services: Vec<String>,
    /// The year counted.
    pub year: i32,
    /// `None` for a service's report; `Some(code)` for a county's compilation, `Some("")`
    /// for the nation's.
    pub place: Option<String>,
    /// The threshold it was protected with.
    pub protection: Protection,
}

impl About {
    /// A report's.
    pub fn of_report(r: &AnnualReport) -> About {
        About {
            services: vec![r.service_name.clone()],
            year: r.year,
            place: None,
            protection: r.protection,
        }
    }

    /// A compilation's.
    pub fn of_compilation(c: &Compilation) -> About {
        About {
            services: c.services.iter().map(|(name, _)| name.clone()).collect(),
            year: c.year,
            place: Some(
                c.county
                    .map_or_else(String::new, |c| crate::codes::CodeList::code(c).to_owned()),
            ),
            protection: c.protection,
        }
    }

    /// The rows of key and value (see the module's documentation).
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let mut rows = vec![
            ("schema", SCHEMA.to_owned()),
            (
                "kind",
                if self.place.is_some() {
                    "compilation"
                } else {
                    "report"
                }
                .to_owned(),
            ),
        ];
        rows.extend(self.services.iter().map(|s| ("service", s.clone())));
        rows.push(("year", self.year.to_string()));
        if let Some(place) = &self.place {
            rows.push(("county", place.clone()));
        }
        rows.push((
            "k",
            match self.protection {
                Protection::Threshold { k } => k.to_string(),
                Protection::Unprotected => "unprotected".to_owned(),
            },
        ));
        rows
    }

    /// Reads the rows back (`file` names the file in errors).
    ///
    /// # Errors
    /// [`DisclosureError::Shape`] naming the file and the row when a key is missing, repeated
    /// or unknown, a value is not what its key holds, or the schema is another.
    pub fn from_rows<'a>(
        rows: impl IntoIterator<Item = (&'a str, &'a str)>,
        file: &str,
    ) -> Result<About, DisclosureError> {
        let bad =
            |line: usize, why: String| DisclosureError::Shape(format!("{file}, row {line}: {why}"));
        let (mut schema, mut kind, mut year, mut county, mut k) = (None, None, None, None, None);
        let mut services = Vec::new();
        let mut line = 0;
        for (i, (key, value)) in rows.into_iter().enumerate() {
            line = i + 1;
            let once = |slot: &mut Option<(String, usize)>| {
                if slot.replace((value.to_owned(), line)).is_some() {
                    Err(bad(line, format!("\"{key}\" given twice")))
                } else {
                    Ok(())
                }
            };
            match key {
                "schema" => once(&mut schema)?,
                "kind" => once(&mut kind)?,
                "year" => once(&mut year)?,
                "county" => once(&mut county)?,
                "k" => once(&mut k)?,
                "service" => services.push(value.to_owned()),
                "" if value.is_empty() => {}
                other => {
                    return Err(bad(
                        line,
                        format!(
                            "unknown key \"{other}\" (expected schema, kind, service, year, \
                             county or k)"
                        ),
                    ))
                }
            }
        }
        let missing = |key: &str| bad(line, format!("no \"{key}\" row"));
        let (schema, at) = schema.ok_or_else(|| missing("schema"))?;
        if schema != SCHEMA {
            return Err(bad(
                at,
                format!("schema \"{schema}\", expected \"{SCHEMA}\""),
            ));
        }
        let (year, at) = year.ok_or_else(|| missing("year"))?;
        let year: i32 = year
            .parse()
            .map_err(|_| bad(at, format!("year \"{year}\": expected a year such as 2023")))?;
        let place = match (kind, county) {
            (Some((kind, _)), None) if kind == "report" => None,
            (Some((kind, _)), Some((_, at))) if kind == "report" => {
                return Err(bad(at, "a report has no \"county\" row".into()))
            }
            (Some((kind, _)), county) if kind == "compilation" => {
                Some(county.ok_or_else(|| missing("county"))?.0)
            }
            (Some((other, at)), _) => {
                return Err(bad(
                    at,
                    format!("kind \"{other}\": expected report or compilation"),
                ))
            }
            (None, _) => return Err(missing("kind")),
        };
        if services.is_empty() {
            return Err(missing("service"));
        }
        if place.is_none() && services.len() > 1 {
            return Err(bad(
                line,
                "a report is one service's: one \"service\" row".into(),
            ));
        }
        let (k, line) = k.ok_or_else(|| missing("k"))?;
        let protection = match k.as_str() {
            "unprotected" => Protection::Unprotected,
            text => Protection::Threshold {
                k: text.parse().ok().filter(|k| *k >= 2).ok_or_else(|| {
                    bad(
                        line,
                        format!("k \"{text}\": expected a threshold of 2 or more, or unprotected"),
                    )
                })?,
            },
        };
        Ok(About {
            services,
            year,
            place,
            protection,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<About, DisclosureError> {
        About::from_rows(
            text.lines().map(|l| l.split_once(';').unwrap_or((l, ""))),
            "about.csv",
        )
    }

    #[test]
    fn rows_read_back_as_written() {
        let about = About {
            services: vec!["PO A".into(), "PO B".into()],
            year: 2023,
            place: Some("17".into()),
            protection: Protection::Threshold { k: 3 },
        };
        let text: Vec<String> = about
            .rows()
            .into_iter()
            .map(|(k, v)| format!("{k};{v}"))
            .collect();
        assert_eq!(
            text,
            [
                "schema;po-published/1",
                "kind;compilation",
                "service;PO A",
                "service;PO B",
                "year;2023",
                "county;17",
                "k;3"
            ]
        );
        assert_eq!(read(&text.join("\n")).unwrap(), about);
        let nation = About {
            place: Some(String::new()),
            protection: Protection::Unprotected,
            ..about
        };
        let text: Vec<String> = nation
            .rows()
            .into_iter()
            .map(|(k, v)| format!("{k};{v}"))
            .collect();
        assert_eq!(read(&text.join("\n")).unwrap(), nation);
    }

    #[test]
    fn what_is_wrong_is_named_with_its_row() {
        let ok = "schema;po-published/1\nkind;report\nservice;PO A\nyear;2023\nk;3";
        assert!(read(ok).is_ok());
        let error = |text: &str| read(text).unwrap_err().to_string();
        assert!(error(&ok.replace("k;3", "k;1")).contains("row 5: k \"1\": expected a threshold"));
        assert!(error(&ok.replace("year;2023", "year;tjugo")).contains("row 4: year \"tjugo\""));
        assert!(error(&format!("{ok}\nyear;2024")).contains("row 6: \"year\" given twice"));
        assert!(error(&ok.replace("/1", "/9")).contains("schema \"po-published/9\""));
        assert!(error(&ok.replace("service;PO A\n", "")).contains("no \"service\" row"));
        assert!(error(&format!("{ok}\ncounty;17")).contains("a report has no \"county\" row"));
        assert!(error(&format!("{ok}\nsecret;x")).contains("unknown key \"secret\""));
        assert!(error(&format!("{ok}\nservice;PO B")).contains("one \"service\" row"));
    }
}
