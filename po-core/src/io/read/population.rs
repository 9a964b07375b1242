//! Adults (18+) from an SCB-style population table.

use std::collections::BTreeMap;

use crate::money::MoneyError;
use crate::organisation::MunicipalityCode;

/// Sums residents aged 18 and over per municipality from a table as SCB's statistical database
/// exports population by region and single year of age (BE0101): a header row, then rows of
/// `region` ("1780 Karlstad"), `ålder` ("0 år" … "100+ år"; "totalt ålder" rows are skipped)
/// and one count column (the last column is read). Separated by ',' or ';' (taken from the
/// header), optionally quoted. Returns code → (name, adults). Every row that is not used is
/// either a total (skipped by design) or an error naming its line.
pub fn adults_from_scb_csv(
    text: &str,
) -> Result<BTreeMap<MunicipalityCode, (String, u64)>, MoneyError> {
    let mut reader = crate::text::csv_reader(text);
    let mut out: BTreeMap<MunicipalityCode, (String, u64)> = BTreeMap::new();
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let err = |reason: String| MoneyError::PopulationTable { line, reason };
        let r = record.map_err(|e| err(e.to_string()))?;
        if r.len() < 3 {
            return Err(err(format!(
                "expected region, age and count, got {} columns",
                r.len()
            )));
        }
        let age_text = r[1].trim().to_lowercase();
        if age_text.starts_with("totalt") {
            continue;
        }
        let digits: String = age_text.chars().take_while(char::is_ascii_digit).collect();
        let age: u32 = digits
            .parse()
            .map_err(|_| err(format!("age {:?} is not a number of years", &r[1])))?;
        let (code, name) = r[0].trim().split_once(' ').unwrap_or((r[0].trim(), ""));
        let code = MunicipalityCode::parse(code).map_err(|e| err(e.to_string()))?;
        let count_text = r[r.len() - 1].trim().replace([' ', '\u{a0}'], "");
        let count: u64 = count_text
            .parse()
            .map_err(|_| err(format!("count {:?} is not a whole number", &r[r.len() - 1])))?;
        let entry = out
            .entry(code)
            .or_insert_with(|| (name.trim().to_owned(), 0));
        if age >= 18 {
            entry.1 += count;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_ages_18_and_over() {
        let table = "\u{feff}region;ålder;2023\n\"1780 Karlstad\";\"17 år\";1000\n1780 Karlstad;18 år;1 100\n\
                     1780 Karlstad;100+ år;40\n1780 Karlstad;totalt ålder;99999\n1784 Arvika;50 år;300\n";
        let adults = adults_from_scb_csv(table).unwrap();
        let k = MunicipalityCode::parse("1780").unwrap();
        assert_eq!(adults[&k], ("Karlstad".to_owned(), 1140));
        assert_eq!(adults[&MunicipalityCode::parse("1784").unwrap()].1, 300);
        let bad = "region,ålder,2023\n1780 Karlstad,arton,5\n";
        assert_eq!(
            adults_from_scb_csv(bad).unwrap_err().to_string(),
            "population table, line 2: age \"arton\" is not a number of years"
        );
        let bad_code = "region,ålder,2023\n9999 Nowhere,20 år,5\n";
        assert!(adults_from_scb_csv(bad_code)
            .unwrap_err()
            .to_string()
            .contains("line 2: kommunkod"));
    }
}
