//! Age in whole years.

use time::Date;

/// Age in completed years on `on` of a person born on `birth` (negative if `on` is before the
/// birth date).
///
/// A year is completed on the birthday. Someone born on 29 February completes a year on
/// 1 March in common years: the birthday has not been reached while the calendar date is before
/// (2, 29). This is the usual reading in Swedish practice and is conservative for the 18-year
/// limit of SFS 2013:522 2 § (nobody is treated as 18 a day early); it is a documented choice,
/// not a statutory rule.
pub fn age_on(birth: Date, on: Date) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month() as u8, on.day()) < (birth.month() as u8, birth.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::age_on;
    use time::macros::date;

    #[test]
    fn birthday_and_leap_day() {
        assert_eq!(age_on(date!(2000 - 06 - 15), date!(2018 - 06 - 14)), 17);
        assert_eq!(age_on(date!(2000 - 06 - 15), date!(2018 - 06 - 15)), 18);
        // Born on a leap day: 18 on 1 March in a common year, on 29 February in a leap year.
        assert_eq!(age_on(date!(2004 - 02 - 29), date!(2022 - 02 - 28)), 17);
        assert_eq!(age_on(date!(2004 - 02 - 29), date!(2022 - 03 - 01)), 18);
        assert_eq!(age_on(date!(2000 - 02 - 29), date!(2016 - 02 - 29)), 16);
        assert_eq!(age_on(date!(2000 - 02 - 29), date!(2010 - 01 - 01)), 9);
        assert_eq!(age_on(date!(2000 - 01 - 01), date!(1999 - 12 - 31)), -1);
    }
}
