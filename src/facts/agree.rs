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

/// Whether all of `obs` agree, and which are outliers (by index). Whether
/// an interval meets another is found among the intervals sorted by their
/// low end, so an entry of many figures (a hostile list) costs n log n.
pub(crate) fn judge(obs: &[&Observation]) -> (bool, Vec<bool>) {
    let spans: Vec<(f64, f64)> = obs.iter().map(|o| widened(o)).collect();
    let lo = spans.iter().map(|s| s.0).fold(f64::NEG_INFINITY, f64::max);
    let hi = spans.iter().map(|s| s.1).fold(f64::INFINITY, f64::min);
    let agree = lo <= hi;
    let outliers = if obs.len() >= 3 && !agree {
        lonely(&spans)
    } else {
        vec![false; obs.len()]
    };
    (agree, outliers)
}

/// For each interval, whether it meets no other.
fn lonely(spans: &[(f64, f64)]) -> Vec<bool> {
    let mut by_low: Vec<usize> = (0..spans.len()).collect();
    by_low.sort_by(|&a, &b| spans[a].0.total_cmp(&spans[b].0));
    // The two highest high ends among the first k+1 by low end, with whose they are.
    let mut top: Vec<[(f64, usize); 2]> = Vec::with_capacity(spans.len());
    let mut best = [(f64::NEG_INFINITY, usize::MAX); 2];
    for &i in &by_low {
        let h = spans[i].1;
        if h > best[0].0 {
            best = [(h, i), best[0]];
        } else if h > best[1].0 {
            best[1] = (h, i);
        }
        top.push(best);
    }
    (0..spans.len())
        .map(|i| {
            let (a, b) = spans[i];
            // Those starting at or before this one's high end…
            let n = by_low.partition_point(|&j| spans[j].0 <= b);
            let Some(t) = n.checked_sub(1).map(|k| top[k]) else {
                return true;
            };
            // …and, other than itself, reaching its low end.
            let reach = if t[0].1 == i { t[1].0 } else { t[0].0 };
            reach < a
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::lonely;

    #[test]
    fn lonely_intervals_are_those_meeting_no_other() {
        // Brute force over small sets of intervals on a grid.
        let mut seed = 7u64;
        for _ in 0..500 {
            let spans: Vec<(f64, f64)> = (0..1 + (seed % 7) as usize)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let a = ((seed >> 33) % 20) as f64;
                    let w = ((seed >> 40) % 4) as f64;
                    (a, a + w)
                })
                .collect();
            let brute: Vec<bool> = (0..spans.len())
                .map(|i| {
                    !(0..spans.len())
                        .any(|j| j != i && spans[i].0 <= spans[j].1 && spans[j].0 <= spans[i].1)
                })
                .collect();
            assert_eq!(lonely(&spans), brute, "{spans:?}");
        }
    }
}
