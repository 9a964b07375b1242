//! The exit-survey export: one row per respondent, one column per question.

use super::{decode, ImportError, Mode, Problem};
use crate::report::{ExitSurvey, SurveyResponse};

/// Reads exit-survey responses: one row per respondent, one column per question, the answer in
/// the cell (an empty cell = not answered). `sent` is the number of surveys sent out, which
/// the answers cannot tell. A row with no answer at all is a problem, not a respondent.
pub fn read_survey_csv(
    bytes: &[u8],
    file: &str,
    sent: u32,
    mode: Mode,
) -> Result<(ExitSurvey, Vec<Problem>), ImportError> {
    let text = decode(bytes);
    let (body, delimiter) = crate::text::csv_layout(&text);
    let mut reader = crate::text::csv_reader_with(body, delimiter);
    let mut lines = super::sheet::LineCount::new(body);
    let problem = |row: u64, column: &str, reason: String| Problem {
        file: file.to_owned(),
        row,
        column: column.to_owned(),
        reason,
    };
    let questions: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError {
            problems: vec![problem(1, "", e.to_string())],
        })?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    // A question given twice: which answers count?
    if let Some(j) = (0..questions.len()).find(|&j| questions[..j].contains(&questions[j])) {
        return Err(ImportError {
            problems: vec![problem(
                1,
                &crate::privacy::shown(&questions[j]),
                "the question is given twice; keep one column".into(),
            )],
        });
    }
    let (mut responses, mut problems) = (Vec::new(), Vec::new());
    for (i, record) in reader.records().enumerate() {
        // The row as a spreadsheet shows it (blank lines count).
        let position = match &record {
            Ok(r) => r.position(),
            Err(e) => e.position(),
        };
        let line = position
            .and_then(|p| usize::try_from(p.byte()).ok())
            .map_or(i as u64 + 2, |at| lines.at(at));
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(line, "", e.to_string()));
                continue;
            }
        };
        let answers: std::collections::BTreeMap<String, String> = questions
            .iter()
            .zip(record.iter())
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(q, a)| (q.clone(), a.trim().to_owned()))
            .collect();
        let personal: Vec<&String> = answers
            .iter()
            .filter(|(_, a)| crate::privacy::contains_identity_number(a))
            .map(|(q, _)| q)
            .collect();
        if !personal.is_empty() {
            // The free-text screen: the answer is refused at its cell, never echoed.
            for q in personal {
                problems.push(problem(
                    line,
                    &crate::privacy::shown(q),
                    crate::privacy::IN_FREE_TEXT.into(),
                ));
            }
        } else if answers.is_empty() {
            problems.push(problem(line, "", "no question is answered".into()));
        } else {
            responses.push(SurveyResponse { answers });
        }
    }
    if responses.len() > sent as usize {
        problems.push(problem(
            0,
            "sent",
            format!("{} responses but only {sent} surveys sent", responses.len()),
        ));
        return Err(ImportError { problems });
    }
    if mode == Mode::Strict && !problems.is_empty() {
        return Err(ImportError { problems });
    }
    Ok((ExitSurvey { sent, responses }, problems))
}
