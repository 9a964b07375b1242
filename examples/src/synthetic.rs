//! A deterministic generator of SYNTHETIC case registers for a Värmland-like service.
//!
//! Nothing here describes a real person: ids are `SYNTHETIC-…`, and the proportions are
//! loosely modelled on the published statistics (seeds 000–004): about 58 % women, age bands
//! 14/42/35/9 %, 3–8 assignments per client, intake outcomes in seed 003's proportions. The
//! same seed always gives the same register, so reports and benchmarks can be compared.

use po_core::codes::{
    AssignmentCategory, CodeList, ContactReason, Counterpart, DeviationEventType, DeviationLevel,
    DeviationStatus, Gender, IntakeOutcome,
};
use po_core::organisation::MunicipalityCode;
use po_core::reference::varmland;
use po_core::report::{
    Assignment, Client, ContactReasons, Deviation, ExitSurvey, IntakeVisit, Register, StaffMember,
    SurveyResponse,
};
use rust_decimal::Decimal;
use std::sync::Arc;
use time::{Date, Duration, Month};

/// SplitMix64: a tiny, well-known deterministic generator (no statistical claims needed here);
/// the tests' random registers use it too.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n` (0 for `n` = 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// One of `xs` (which must not be empty).
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u64) as usize]
    }
    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut x = self.below(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
    /// True with the given chance in percent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

fn day_in(rng: &mut Rng, year: i32) -> Date {
    let start = Date::from_calendar_date(year, Month::January, 1).unwrap_or(Date::MIN);
    start + Duration::days(rng.below(365) as i64)
}

/// A synthetic register with about `clients` clients active in `year`, for the 15
/// municipalities of Värmland 2023.
pub fn varmland_like(year: i32, clients: usize, seed: u64) -> Register {
    let mut rng = Rng(seed);
    let municipalities: Vec<_> = varmland::MUNICIPALITIES
        .iter()
        .filter(|m| m.area_2023.is_some())
        .collect();
    let weights: Vec<u64> = municipalities
        .iter()
        .map(|m| u64::from(m.total_population_2023_12_31))
        .collect();
    // One shared text per area name (several municipalities form one area), as po's import
    // keeps them; a client and an intake visit are counted under their municipality's area.
    let mut names: Vec<Arc<str>> = Vec::new();
    let areas: Vec<Arc<str>> = municipalities
        .iter()
        .map(|m| {
            let name = m.area_2023.unwrap_or_default();
            if let Some(shared) = names.iter().find(|n| &***n == name) {
                return Arc::clone(shared);
            }
            names.push(name.into());
            Arc::clone(&names[names.len() - 1])
        })
        .collect();
    let mut register = Register::default();
    for i in 0..clients {
        let which = rng.weighted(&weights);
        let m = municipalities[which];
        let gender = Gender::ALL[rng.weighted(&[58, 41, 1])];
        let age = match rng.weighted(&[14, 42, 35, 9]) {
            0 => 18 + rng.below(12),
            1 => 30 + rng.below(20),
            2 => 50 + rng.below(15),
            _ => 65 + rng.below(20),
        } as i32;
        let start_year = year - rng.below(3) as i32;
        let started_on = day_in(&mut rng, start_year);
        let applied_on = started_on - Duration::days(rng.below(120) as i64);
        let ended_on = rng
            .chance(30)
            .then(|| day_in(&mut rng, year))
            .filter(|e| *e >= started_on);
        let reasons = 1 + rng.below(3) as usize;
        let contact_reasons: ContactReasons = (0..reasons)
            .map(|_| ContactReason::ALL[rng.weighted(&[17, 8, 5, 9, 4, 2, 4, 26, 10, 3, 2])])
            .collect();
        let assignments = (0..3 + rng.below(6))
            .map(|_| Assignment {
                category: AssignmentCategory::ALL
                    [rng.below(AssignmentCategory::ALL.len() as u64) as usize],
                started_on: None,
                ended_on: None,
            })
            .collect();
        register.clients.push(Client {
            id: format!("SYNTHETIC-{i:06}"),
            gender,
            birth_date: None,
            birth_year: Some(year - age),
            age_band: None,
            municipality: MunicipalityCode::parse(m.code).ok(),
            area: Some(Arc::clone(&areas[which])),
            applied_on: Some(applied_on),
            started_on,
            ended_on,
            children_at_home: rng.chance(20),
            priority_groups: Vec::new(),
            contact_reasons,
            assignments,
        });
    }
    for _ in 0..clients * 3 / 4 {
        let which = rng.weighted(&weights);
        register.intake_visits.push(IntakeVisit {
            date: day_in(&mut rng, year),
            area: Arc::clone(&areas[which]),
            outcome: IntakeOutcome::ALL[rng.weighted(&[111, 4, 32, 5, 5])],
        });
    }
    let consequences = [
        "Lång väntan på insats",
        "Avslag utan begriplig motivering",
        "Ingen samordnad planering",
    ];
    for _ in 0..clients * 2 / 5 {
        register.deviations.push(Deviation {
            date: day_in(&mut rng, year),
            event_type: DeviationEventType::ALL[rng.weighted(&[14, 10, 8, 4, 3])],
            level: DeviationLevel::ALL[rng.below(3) as usize],
            counterpart: Counterpart::ALL[rng.below(Counterpart::ALL.len() as u64) as usize],
            status: DeviationStatus::ALL[rng.weighted(&[4, 4, 3, 2, 1])],
            consequence: Some(consequences[rng.below(3) as usize].to_owned()),
        });
    }
    let questions = [
        "Jag har fått det stöd jag behövde",
        "Jag kan rekommendera personligt ombud",
    ];
    register.exit_survey = Some(ExitSurvey {
        sent: 95,
        responses: (0..18)
            .map(|_| SurveyResponse {
                answers: questions
                    .iter()
                    .map(|q| {
                        (
                            (*q).to_owned(),
                            ["Ja", "Delvis", "Nej"][rng.weighted(&[16, 1, 1])].to_owned(),
                        )
                    })
                    .collect(),
            })
            .collect(),
    });
    register.staff = (0..10)
        .map(|i| StaffMember {
            id: format!("OMBUD-{i:02}"),
            fte: Decimal::ONE,
            training: if i < 3 {
                vec!["Socialstyrelsens introduktionsutbildning".to_owned()]
            } else {
                Vec::new()
            },
            supervision: Some("Extern handledning".to_owned()),
            // Seed 001: "En majoritet av ombuden, ca 70 procent, är kvinnor."
            gender: Some(if i < 7 { Gender::Woman } else { Gender::Man }),
        })
        .collect();
    register
}

/// SYNTHETIC deviations with dated histories for `year` (issue 16): documented through the
/// year, most raised at the next quarterly leadership-group meeting (seed 003: four a year),
/// many sent to the responsible organisation with a reply asked for within 30 days, some
/// answered, some remedied, a few withdrawn; about one in ten a positive event.
pub fn deviation_histories(
    year: i32,
    count: usize,
    seed: u64,
) -> Vec<po_core::deviation::Deviation> {
    use po_core::deviation::{Closing, Deviation, Event};
    let mut rng = Rng(seed);
    let consequences = [
        "Lång väntan på insats",
        "Avslag utan begriplig motivering",
        "Ingen samordnad planering",
        "Indragen ersättning under utredningen",
    ];
    // The quarterly meetings: the last working days of March, June, September and December.
    let meetings: Vec<Date> = [
        (Month::March, 28),
        (Month::June, 27),
        (Month::September, 26),
        (Month::December, 15),
    ]
    .iter()
    .filter_map(|&(m, d)| Date::from_calendar_date(year, m, d).ok())
    .collect();
    (0..count)
        .map(|i| {
            let documented = day_in(&mut rng, year);
            let mut events = vec![Event::Documented { on: documented }];
            let positive = rng.chance(10);
            if let Some(&meeting) = meetings.iter().find(|m| **m >= documented) {
                if rng.chance(85) {
                    events.push(Event::Raised { on: meeting });
                    if !positive && rng.chance(70) {
                        let sent = meeting + Duration::days(1 + rng.below(10) as i64);
                        events.push(Event::Sent {
                            on: sent,
                            reply_by: Some(sent + Duration::days(30)),
                        });
                        if rng.chance(60) {
                            let answered = sent + Duration::days(5 + rng.below(50) as i64);
                            events.push(Event::Feedback {
                                on: answered,
                                summary: "Svar från myndigheten".into(),
                            });
                            if rng.chance(50) {
                                let closing = if rng.chance(70) {
                                    Closing::Remedied
                                } else {
                                    Closing::NotRemedied
                                };
                                events.push(Event::Closed {
                                    on: answered + Duration::days(rng.below(60) as i64),
                                    closing,
                                });
                            }
                        }
                    }
                }
            }
            if rng.chance(4) && events.len() < 3 {
                let last = events.last().map(Event::on).unwrap_or(documented);
                events.push(Event::Closed {
                    on: last + Duration::days(7),
                    closing: Closing::Withdrawn,
                });
            }
            Deviation {
                id: format!("SYNTHETIC-AV-{year}-{i:04}"),
                event_type: if positive {
                    DeviationEventType::PositiveEvent
                } else {
                    DeviationEventType::ALL[rng.weighted(&[14, 10, 8, 4, 0])]
                },
                level: DeviationLevel::ALL[rng.below(3) as usize],
                counterpart: Counterpart::ALL[rng.below(Counterpart::ALL.len() as u64) as usize],
                description: String::new(),
                consequence: if positive {
                    String::new()
                } else {
                    consequences[rng.below(4) as usize].to_owned()
                },
                events,
                has_history: true,
                exported_status: None,
            }
        })
        .collect()
}

/// A service of the SYNTHETIC nation: the municipalities it serves (the host first), its name,
/// its register and what its submission says besides (seed 001's tables 2 and 5 and its counts
/// of priority orders and routines).
pub struct NationService {
    /// The municipalities, the host first.
    pub municipalities: Vec<MunicipalityCode>,
    /// "PO Värmlands län 2" and so on.
    pub name: String,
    /// Its SYNTHETIC register of 40–120 clients.
    pub register: Register,
    /// The organisation running it, for 7 services as in seed 001 (SYNTHETIC names).
    pub provider: Option<po_core::organisation::Provider>,
    /// Whether it has routines for reporting shortcomings (all but 6, as seed 001's 101 of 106
    /// is nearly).
    pub deviation_routines: bool,
    /// Whether it has a priority order (all but 6: seed 001's 100 of 106).
    pub priority_order: bool,
    /// Its grant: decided for its positions at seed 001's 300 180 kr each, paid, and a tenth
    /// repaid by every tenth service.
    pub grant: po_core::chain::GrantFigures,
    /// The shortcomings it reports for annex 1: two of [`SHORTCOMINGS`] (seed 001's own rows),
    /// so that several services report the same one.
    pub shortcomings: Vec<po_core::deviation::ReportedShortcoming>,
}

/// Shortcomings as seed 001's annex 1 words them (its rows, shortened), for the SYNTHETIC
/// services to report.
pub const SHORTCOMINGS: [(Counterpart, &str, &str); 6] = [
    (
        Counterpart::Psychiatry,
        "Brist på läkare och läkartider inom psykiatrin",
        "Långa väntetider för utredning och behandling.",
    ),
    (
        Counterpart::PrimaryCare,
        "Bristande kunskap hos vårdcentralerna om neuropsykiatriska funktionsnedsättningar",
        "Klienter upplever att de inte tas på allvar inom den somatiska vården.",
    ),
    (
        Counterpart::SocialServices,
        "Svårt att få god man",
        "Klienter som behöver stöd med sin ekonomi hamnar i skulder.",
    ),
    (
        Counterpart::SocialServices,
        "Brister i boendestödet",
        "Boendestödet är inte anpassat efter den enskildes behov.",
    ),
    (
        Counterpart::Forsakringskassan,
        "Höga krav på läkarintyg, lång handläggningstid",
        "Klienter får avslag på ansökningar om aktivitets- och sjukersättning.",
    ),
    (
        Counterpart::Other,
        "Digitaliseringen inom myndigheterna",
        "Klienter utan bank-id klarar inte myndigheternas krav och hamnar i ekonomiska svårigheter.",
    ),
];

/// The seven SYNTHETIC providers, by the service they run (as many kinds as seed 001 table 2).
const PROVIDERS: [(&str, &str, po_core::organisation::ProviderType); 7] = {
    use po_core::organisation::ProviderType as P;
    [
        (
            "PO Blekinge län 1",
            "SYNTETISKA förbundet i Blekinge",
            P::MunicipalFederation,
        ),
        (
            "PO Norrbottens län 1",
            "SYNTETISKA förbundet i Lappland",
            P::MunicipalFederation,
        ),
        (
            "PO Skåne län 1",
            "SYNTETISKA föreningen i Skåne",
            P::NonProfitAssociation,
        ),
        (
            "PO Kronobergs län 1",
            "SYNTETISKA regionen Kronoberg",
            P::Region,
        ),
        (
            "PO Uppsala län 4",
            "SYNTETISKA stiftelsen Diakoni",
            P::Foundation,
        ),
        (
            "PO Västra Götalands län 4",
            "SYNTETISKA stiftelsen Diakoni",
            P::Foundation,
        ),
        (
            "PO Stockholms län 2",
            "SYNTETISKA stiftelsen Paraply",
            P::Foundation,
        ),
    ]
};

/// The SYNTHETIC nation (issues 17 and 34): 106 services across the 21 counties, as many as
/// seed 001 counts, each with a disjoint run of its county's municipalities (all 290 served,
/// none claimed twice) and a register of 40–120 clients (about 8 500 in all). Five services per
/// county where it has five municipalities (Gotland has one), then one more in the largest
/// counties in turn until there are 106. The same year always gives the same nation.
pub fn nation(year: i32) -> Vec<NationService> {
    use po_core::organisation::County;
    use po_core::reference::sweden;
    let counties: Vec<County> = County::ALL
        .iter()
        .copied()
        .filter(|c| sweden::municipalities().iter().any(|m| m.county == *c))
        .collect();
    let codes: Vec<Vec<MunicipalityCode>> = counties
        .iter()
        .map(|c| {
            sweden::municipalities()
                .iter()
                .filter(|m| m.county == *c)
                .map(|m| m.code)
                .collect()
        })
        .collect();
    let mut per: Vec<usize> = codes.iter().map(|c| c.len().min(5)).collect();
    let mut i = 0;
    while per.iter().sum::<usize>() < 106 {
        if codes[i].len() > per[i] {
            per[i] += 1;
        }
        i = (i + 1) % per.len();
    }
    let mut out = Vec::new();
    let mut seed = 1u64;
    for (ci, county) in counties.iter().enumerate() {
        let n = per[ci];
        let mut from = 0;
        for s in 0..n {
            let take = codes[ci].len() / n + usize::from(s < codes[ci].len() % n);
            let municipalities = codes[ci][from..from + take].to_vec();
            from += take;
            seed += 1;
            let clients = 40 + usize::try_from(seed).unwrap_or(0).wrapping_mul(37) % 80;
            let name = format!("PO {} {}", county.label_sv(), s + 1);
            let register = varmland_like(year, clients, seed);
            let positions: Decimal = register.staff.iter().map(|m| m.fte).sum();
            let decided = positions * Decimal::from(300_180);
            let index = out.len();
            out.push(NationService {
                provider: PROVIDERS.iter().find(|p| p.0 == name).map(|p| {
                    po_core::organisation::Provider {
                        name: p.1.to_owned(),
                        organisation: p.2,
                    }
                }),
                deviation_routines: index % 18 != 5,
                priority_order: index % 18 != 0,
                grant: po_core::chain::GrantFigures {
                    decided,
                    paid: decided,
                    repaid: if index % 10 == 9 {
                        decided / Decimal::from(10)
                    } else {
                        Decimal::ZERO
                    },
                },
                shortcomings: [index % 6, (index * 5 + 2) % 6]
                    .iter()
                    .map(|&i| {
                        let (counterpart, shortcoming, consequence) = SHORTCOMINGS[i];
                        po_core::deviation::ReportedShortcoming {
                            counterpart,
                            shortcoming: shortcoming.to_owned(),
                            consequence: consequence.to_owned(),
                        }
                    })
                    .collect(),
                municipalities,
                name,
                register,
            });
        }
    }
    out
}
