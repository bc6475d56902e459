//! The numbers the HTML extractor's choices rest on, in one place, so that
//! `wirewatch eval html --cv hosts` can ask how much the shipped values owe
//! to the benchmark pages: it picks the best values of a grid on all sites
//! but one and scores the site left out (see `tools::eval::html`).

/// The HTML extractor's thresholds. The daemon always uses [`Tuning::SHIPPED`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Shortest paragraph (characters) that gives points to its containers.
    pub min_paragraph_chars: u32,
    /// Share of the top container's score a sibling needs to join it.
    pub sibling_share: f32,
    /// Length (characters) above which a sibling paragraph with few links
    /// joins the article whatever its score.
    pub prose_chars: u32,
    /// An extraction shorter than this (characters) is retried with relaxed
    /// heuristics, as in Readability.
    pub min_article_chars: usize,
    /// A paragraph of mostly links shorter than this (characters) inside
    /// the article is taken out as a link list.
    pub link_paragraph_chars: u32,
}

impl Tuning {
    /// The values the daemon uses: Readability's, except the link-list
    /// length, which is this project's.
    pub const SHIPPED: Tuning = Tuning {
        min_paragraph_chars: 25,
        sibling_share: 0.2,
        prose_chars: 80,
        min_article_chars: 500,
        link_paragraph_chars: 200,
    };

    /// The values `eval html --cv` chooses among: every combination of a
    /// few values each side of the shipped ones (the shipped set first, so
    /// that it wins ties).
    pub fn grid() -> Vec<Tuning> {
        let mut grid = vec![Tuning::SHIPPED];
        for min_paragraph_chars in [25, 40] {
            for sibling_share in [0.1, 0.2, 0.3] {
                for prose_chars in [50, 80, 120] {
                    for min_article_chars in [250, 500, 1_000] {
                        for link_paragraph_chars in [100, 200, 400] {
                            let t = Tuning {
                                min_paragraph_chars,
                                sibling_share,
                                prose_chars,
                                min_article_chars,
                                link_paragraph_chars,
                            };
                            if t != Tuning::SHIPPED {
                                grid.push(t);
                            }
                        }
                    }
                }
            }
        }
        grid
    }
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning::SHIPPED
    }
}

impl std::fmt::Display for Tuning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "paragraph ≥ {} chars, sibling ≥ {:.1} × top, prose > {} chars, \
             retry under {} chars, link list < {} chars",
            self.min_paragraph_chars,
            self.sibling_share,
            self.prose_chars,
            self.min_article_chars,
            self.link_paragraph_chars
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_starts_with_the_shipped_values_and_has_no_repeats() {
        let g = Tuning::grid();
        assert_eq!(g[0], Tuning::SHIPPED);
        assert_eq!(g.len(), 2 * 3 * 3 * 3 * 3);
        for (i, a) in g.iter().enumerate() {
            assert!(!g[i + 1..].contains(a), "{a} twice");
        }
    }
}
