//! Numbers and labels as each language writes them: `1 234` and `2,75` in Swedish (a no-break
//! space between thousands, a decimal comma), `1,234` and `2.75` in English; code-list labels in
//! the reader's language; municipalities by name. Every writer uses these, so a number reads
//! the same in the Markdown, the HTML and the workbook.

use rust_decimal::Decimal;

use crate::report::Cell;

/// Digits grouped by three: `12 345` (no-break space) in Swedish, `12,345` in English.
pub(crate) fn grouped(digits: &str, sv: bool) -> String {
    let sep = if sv { '\u{a0}' } else { ',' };
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3 * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A count as the reader's language writes it.
pub(crate) fn count(n: u64, sv: bool) -> String {
    grouped(&n.to_string(), sv)
}

/// A decimal as the reader's language writes it: `2,75` and `1 234,5` in Swedish.
pub(crate) fn decimal(d: Decimal, sv: bool) -> String {
    let text = d.to_string();
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut out = format!("{sign}{}", grouped(whole, sv));
    if !fraction.is_empty() {
        out.push(if sv { ',' } else { '.' });
        out.push_str(fraction);
    }
    out
}

/// A ratio's value (two decimals, see [`crate::report::Ratio`]) written with both decimals, so that an
/// exact 9 % reads "9,00" beside "4,17"; ".." when it is hidden or undefined.
pub(crate) fn ratio_text(v: Option<Decimal>, sv: bool) -> String {
    v.map_or("..".to_owned(), |mut d| {
        d.rescale(2);
        decimal(d, sv)
    })
}

pub(crate) fn cell(c: Cell, sv: bool) -> String {
    c.count().map_or("..".to_owned(), |n| count(n, sv))
}

/// A row or column label in the reader's language: the tables hold the Swedish labels of the
/// code lists; the English report shows each list's English label (areas stay as written).
pub(crate) fn label(s: &str, sv: bool) -> String {
    if sv {
        return s.to_owned();
    }
    if s == "Totalt" {
        return "Total".to_owned();
    }
    crate::code_lists::list_names()
        .into_iter()
        .filter_map(|l| crate::code_lists::values_of(l).ok())
        .flatten()
        .find(|v| v.label_sv == s)
        .map_or_else(|| s.to_owned(), |v| v.label_en.to_owned())
}

/// Labels as the tables hold them (Swedish) from their English forms on one axis of a
/// document's table ([`label`]'s inverse). An English label can stand for two Swedish ones
/// ("Other": "Annat" in one list, "Övriga" in another), so the axis is read by the one code
/// list that has most of its labels; a label no list has (an area) stays as written.
pub(crate) fn unlabel(labels: &[&str]) -> Vec<String> {
    type Values = Vec<&'static crate::codes::CodeInfo>;
    let lists: Vec<Values> = crate::code_lists::list_names()
        .into_iter()
        .filter_map(|l| crate::code_lists::values_of(l).ok())
        .collect();
    let find = |list: &Values, s: &str| {
        list.iter()
            .find(|v| v.label_en == s)
            .map(|v| v.label_sv.to_owned())
    };
    let found = |list: &Values| labels.iter().filter(|s| find(list, s).is_some()).count();
    // The first list of the most labels found.
    let mut best: Option<&Values> = None;
    for list in &lists {
        if best.is_none_or(|b| found(list) > found(b)) {
            best = Some(list);
        }
    }
    labels
        .iter()
        .map(|s| match *s {
            "Total" => "Totalt".to_owned(),
            s => best
                .and_then(|b| find(b, s))
                .or_else(|| lists.iter().find_map(|l| find(l, s)))
                .unwrap_or_else(|| s.to_owned()),
        })
        .collect()
}

/// A municipality row's name: the population key's, or else the bundled 290's.
pub(crate) fn municipality_name(m: &crate::report::MunicipalityRow) -> String {
    if m.name.trim().is_empty() {
        crate::reference::sweden::municipality(m.code)
            .map_or_else(|| m.code.to_string(), |s| s.name.clone())
    } else {
        m.name.clone()
    }
}

/// The reader's language's text of a pair, `t("Totalt", "Total")`: the one way every writer
/// chooses its wording (Swedish when `sv`).
pub(crate) fn words(sv: bool) -> impl Fn(&'static str, &'static str) -> &'static str + Copy {
    move |swedish, english| if sv { swedish } else { english }
}

/// Problems as a reader is shown them in `language` (issue 33): at most
/// [`crate::input::SHOWN_PER_KIND`] of each kind, then one line a kind saying how many more
/// there are ("… and 2,999,980 more of the same in clients.csv, column "gender"").
pub(crate) fn problem_lines(problems: &[crate::input::Problem], sv: bool) -> Vec<String> {
    let summary = crate::input::summarise(problems, crate::input::SHOWN_PER_KIND);
    let t = words(sv);
    let mut lines: Vec<String> = summary
        .shown
        .iter()
        .map(|p| {
            if sv {
                format!(
                    "{}, rad {}, kolumn {:?}: {}",
                    p.file,
                    p.row,
                    p.column,
                    crate::io::reasons::in_swedish(&p.reason)
                )
            } else {
                p.to_string()
            }
        })
        .collect();
    for (p, n) in summary.more {
        lines.push(format!(
            "… {} {} {} {}, {} {:?}",
            t("och", "and"),
            count(n as u64, sv),
            t("till av samma slag i", "more of the same in"),
            p.file,
            t("kolumn", "column"),
            p.column
        ));
    }
    lines
}
