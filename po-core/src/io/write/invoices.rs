//! A cost-sharing agreement's invoices as text (`po costs`): a Markdown table for reading and a
//! `;`-separated table for a spreadsheet, in the reader's language (issue 32 point 6: decimal
//! commas and grouped thousands in Swedish, never a mix of languages).

use std::fmt::Write;

use rust_decimal::Decimal;

use crate::io::text::{count, decimal};
use crate::money::{Allocation, Rounding};
use crate::Language;

/// The invoice's columns in the reader's language, one list for every rendering (Markdown and
/// the workbook).
pub(crate) fn headers(sv: bool) -> [&'static str; 7] {
    if sv {
        [
            "Kommunkod",
            "Kommun",
            "Vuxna (18+)",
            "Andel %",
            "Avgift",
            "Administrationsavgift",
            "Att betala",
        ]
    } else {
        [
            "Code",
            "Municipality",
            "Adults (18+)",
            "Share %",
            "Fee",
            "Administration fee",
            "To pay",
        ]
    }
}

/// What the invoices are, in the reader's language: the one heading of the Markdown and the
/// workbook (issue 32: the workbook's title was the stamp's English words).
pub(crate) fn heading(a: &Allocation, sv: bool) -> String {
    let unit = match (a.rounding, sv) {
        (Rounding::Krona, true) => "hela kronor",
        (Rounding::Ore, true) => "hela ören",
        (Rounding::Krona, false) => "whole kronor",
        (Rounding::Ore, false) => "whole öre",
    };
    if sv {
        format!(
            "Kostnadsfördelning {}: kommunernas nettokostnad fördelad efter antal vuxna (18 år och äldre), avrundad till {unit} med största rest (seed 000, 003, 004).",
            a.year
        )
    } else {
        format!(
            "Cost sharing {}: the municipal net cost shared in proportion to adults (18 and over), rounded to {unit} by largest remainder (seeds 000, 003, 004).",
            a.year
        )
    }
}

/// The invoices as Markdown: what the allocation follows, a row per municipality (adults, key
/// share, fee, administration fee, to pay) and the sum, numbers as `language` writes them.
pub fn allocation_markdown(a: &Allocation, language: Language) -> String {
    let sv = language == Language::Sv;
    let mut out = String::new();
    let _ = writeln!(out, "{}", heading(a, sv));
    let _ = writeln!(
        out,
        "\n| {} |\n|---|---|---:|---:|---:|---:|---:|",
        headers(sv).join(" | ")
    );
    let amount = |d: Decimal| decimal(d, sv);
    for s in &a.participants {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            s.code,
            s.name,
            count(s.adults, sv),
            amount(s.key_percent),
            amount(s.fee),
            amount(s.administration_fee),
            amount(s.total)
        );
    }
    let total: Decimal = a.participants.iter().map(|s| s.total).sum();
    let _ = if sv {
        writeln!(
            out,
            "\nSumma att betala: {} (kommunernas nettokostnad {} + administrationsavgift {}).",
            amount(total),
            amount(a.municipal_net),
            amount(a.administration_fee)
        )
    } else {
        writeln!(
            out,
            "\nTotal to pay: {} (municipal net cost {} + administration fee {}).",
            amount(total),
            amount(a.municipal_net),
            amount(a.administration_fee)
        )
    };
    out
}

/// The invoices as a `;`-separated table for a spreadsheet: a byte-order mark (Excel on
/// Swedish Windows), a header of codes, a row per municipality, names kept from being read as
/// formulas. Swedish: decimal commas, as Excel on Swedish Windows reads numbers from such a
/// file; English: decimal points. Never grouped thousands (a spreadsheet would read text).
pub fn allocation_csv(a: &Allocation, language: Language) -> String {
    let point = |d: Decimal| {
        let text = d.to_string();
        match language {
            Language::Sv => text.replace('.', ","),
            Language::En => text,
        }
    };
    let mut out = String::from(super::data::BOM);
    out.push_str("kommunkod;kommun;vuxna;andel_procent;avgift;administrationsavgift;att_betala\n");
    for s in &a.participants {
        let _ = writeln!(
            out,
            "{};{};{};{};{};{};{}",
            s.code,
            super::data::field(&s.name),
            s.adults,
            point(s.key_percent),
            point(s.fee),
            point(s.administration_fee),
            point(s.total)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::{allocation_csv, allocation_markdown};
    use crate::money::{allocate, Agreement};
    use crate::Language;

    /// Värmland's 2023 agreement (seed 000): Arvika's share and the sum as a Swede writes them,
    /// and as an English reader does.
    #[test]
    fn invoices_write_numbers_as_the_reader_does() {
        let text = include_str!("../../../../examples/data/varmland-2023-agreement.json");
        let a = allocate(&Agreement::from_json(text).unwrap()).unwrap();
        let sv = allocation_markdown(&a, Language::Sv);
        assert!(
            sv.contains("| 1784 | Arvika | 25\u{a0}682 | 9,6329 | 293\u{a0}046 | 20\u{a0}513 | 313\u{a0}559 |"),
            "{sv}"
        );
        assert!(sv.contains("Summa att betala: 3\u{a0}255\u{a0}102 (kommunernas nettokostnad 3\u{a0}042\u{a0}151 + administrationsavgift 212\u{a0}951)."), "{sv}");
        assert!(
            !sv.contains("cost sharing") && !sv.contains("9.6329"),
            "{sv}"
        );
        let en = allocation_markdown(&a, Language::En);
        assert!(
            en.contains("| 1784 | Arvika | 25,682 | 9.6329 | 293,046 | 20,513 | 313,559 |"),
            "{en}"
        );
        assert!(en.contains("Total to pay: 3,255,102"), "{en}");
        let csv = allocation_csv(&a, Language::Sv);
        assert!(
            csv.contains("\n1784;Arvika;25682;9,6329;293046;20513;313559\n"),
            "{csv}"
        );
        assert_eq!(csv.lines().count(), a.participants.len() + 1);
    }
}
