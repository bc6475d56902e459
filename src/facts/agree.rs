//! Whether the observations of an entry agree. Each observation asserts an
//! interval (its value; a range; a hedge's bounds: "about" ±5 %, "nearly"
//! up to 10 % under, "more than" open above), widened by the tolerance its
//! kind sets: percentages within a point (or 3 % of the value, when larger;
//! half a point for percentage points), amounts and counts within 5 % (the
//! rounding of "$1.5bn" against "$1.52bn"). Two observations agree when
//! their widened intervals meet; an entry agrees when all do. With three or
//! more observations, one whose interval meets no other's is an outlier.

use super::observation::Observation;

/// The tolerance around `v` for an observation of `unit`.
fn tolerance(unit: &str, v: f64) -> f64 {
    match unit {
        "%" => (0.03 * v.abs()).max(1.0),
        "pp" => (0.03 * v.abs()).max(0.5),
        _ => 0.05 * v.abs(),
    }
}

/// The observation's interval widened by its tolerance.
pub(crate) fn widened(o: &Observation) -> (f64, f64) {
    let (lo, hi) = o.interval();
    let unit = o.key.unit.as_str();
    let lo = if lo.is_finite() {
        lo - tolerance(unit, lo)
    } else {
        lo
    };
    let hi = if hi.is_finite() {
        hi + tolerance(unit, hi)
    } else {
        hi
    };
    (lo, hi)
}

/// Whether all of `obs` agree, and which are outliers (by index).
pub(crate) fn judge(obs: &[&Observation]) -> (bool, Vec<bool>) {
    let spans: Vec<(f64, f64)> = obs.iter().map(|o| widened(o)).collect();
    let meets = |a: (f64, f64), b: (f64, f64)| a.0 <= b.1 && b.0 <= a.1;
    let lo = spans.iter().map(|s| s.0).fold(f64::NEG_INFINITY, f64::max);
    let hi = spans.iter().map(|s| s.1).fold(f64::INFINITY, f64::min);
    let agree = lo <= hi;
    let outliers = if obs.len() >= 3 && !agree {
        (0..spans.len())
            .map(|i| !(0..spans.len()).any(|j| j != i && meets(spans[i], spans[j])))
            .collect()
    } else {
        vec![false; obs.len()]
    };
    (agree, outliers)
}
