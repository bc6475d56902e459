//! Which tokens make up one spelled number: collects the number words (and
//! digits inside them) that follow each other on one line, then keeps the
//! longest run the grammar accepts ("3 hundred and 2 hundred" is two
//! numbers, "fifty - two" one).

use super::grammar::{self, Piece, Value};
use super::lexer::{Kind, Token};
use super::vocab::{self, Word};

/// At most this many pieces are considered for one number, which keeps the
/// work per token bounded (linear time on any input).
const MAX_PIECES: usize = 24;

/// A spelled number: byte range, first token after it, and its value.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub start: usize,
    pub end: usize,
    pub next: usize,
    pub value: Value,
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Copy)]
struct Item {
    piece: Piece,
    end: usize,
    next: usize,
}

/// The number word at token `k`, if it is one.
pub(crate) fn word_at(text: &str, toks: &[Token], k: usize) -> Option<Word> {
    let t = toks.get(k)?;
    if t.kind != Kind::Word {
        return None;
    }
    let mut buf = [0u8; 16];
    vocab::lookup(vocab::lower(t.text(text), &mut buf)?)
}

/// Token `k` (on the same line) starts a number: digits or a number word.
fn number_next(text: &str, toks: &[Token], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    if !t.same_line() {
        return false;
    }
    t.kind == Kind::Digits
        || matches!(
            word_at(text, toks, k),
            Some(
                Word::Unit(_)
                    | Word::Teen(_)
                    | Word::Tens(_)
                    | Word::Article
                    | Word::Hundred
                    | Word::Half { .. }
                    | Word::Quarter { .. }
                    | Word::Ordinal { .. }
            )
        )
}

fn is_small(p: &Piece) -> bool {
    matches!(
        p,
        Piece::Word(Word::Unit(_) | Word::Teen(_) | Word::Tens(_)) | Piece::Digits { .. }
    )
}

fn completes(p: &Piece) -> bool {
    is_small(p) || matches!(p, Piece::Word(Word::Hundred | Word::Scale(_) | Word::Dozen))
}

/// Reads the spelled number starting at token `i`; `first` is a number in
/// digits already read there ("1.2" of "1.2 million"), with its end and next
/// token.
pub(crate) fn read(
    text: &str,
    toks: &[Token],
    i: usize,
    first: Option<(Piece, usize, usize)>,
) -> Option<Phrase> {
    let mut items: Vec<Item> = Vec::new();
    let mut k = i;
    if let Some((piece, end, next)) = first {
        items.push(Item { piece, end, next });
        k = next;
    }
    let mut restarts = 0;
    while items.len() < MAX_PIECES && k < toks.len() {
        let t = toks[k];
        if !items.is_empty() && !t.same_line() {
            break;
        }
        let prev = items.last().map(|it| it.piece);
        match t.kind {
            Kind::Word => {
                let Some(w) = word_at(text, toks, k) else {
                    break;
                };
                let digits_first =
                    matches!(items.first(), Some(it) if matches!(it.piece, Piece::Digits { .. }));
                if !accept(text, toks, k, w, prev, digits_first) {
                    break;
                }
                let piece = Piece::Word(w);
                if is_small(&piece)
                    && prev
                        .is_some_and(|p| is_small(&p) && !matches!(p, Piece::Word(Word::Tens(_))))
                {
                    restarts += 1;
                    if restarts > 1 {
                        break;
                    }
                }
                items.push(Item {
                    piece,
                    end: t.end,
                    next: k + 1,
                });
                k += 1;
            }
            Kind::Digits => {
                let after = matches!(
                    prev,
                    Some(Piece::Word(
                        Word::Hundred
                            | Word::Scale(_)
                            | Word::And
                            | Word::Over
                            | Word::In
                            | Word::Of
                    ))
                );
                // "21st", "3.5", "1,000": not a plain integer; read it alone.
                let complex = toks.get(k + 1).is_some_and(|n| {
                    n.glued()
                        && (n.kind == Kind::Word
                            || (matches!(n.ch, ',' | '.' | '/' | ':')
                                && n.kind == Kind::Punct
                                && toks
                                    .get(k + 2)
                                    .is_some_and(|d| d.glued() && d.kind == Kind::Digits)))
                });
                if !after || complex || t.end - t.start > 15 {
                    break;
                }
                let value = t.text(text).parse::<f64>().unwrap_or(f64::NAN);
                items.push(Item {
                    piece: Piece::Digits {
                        value,
                        integer: true,
                    },
                    end: t.end,
                    next: k + 1,
                });
                k += 1;
            }
            Kind::Punct if matches!(t.ch, '-' | '‐' | '‑') && !items.is_empty() => {
                let next = word_at(text, toks, k + 1);
                let ok = toks.get(k + 1).is_some_and(|n| n.same_line())
                    && matches!(
                        next,
                        Some(
                            Word::Unit(_)
                                | Word::Teen(_)
                                | Word::Tens(_)
                                | Word::Hundred
                                | Word::Scale(_)
                                | Word::Ordinal { .. }
                                | Word::Half { .. }
                                | Word::Quarter { .. }
                        )
                    )
                    && prev
                        .is_some_and(|p| completes(&p) || matches!(p, Piece::Word(Word::Article)));
                if !ok {
                    break;
                }
                // "fifty-two", "fifty - two": one piece; "twenty-first" stays two.
                if let (Some(Piece::Word(Word::Tens(tens))), Some(Word::Unit(u))) = (prev, next)
                    && u > 0.0
                    && let Some(last) = items.last_mut()
                {
                    last.piece = Piece::Word(Word::Teen(tens + u));
                    last.end = toks[k + 1].end;
                    last.next = k + 2;
                    k += 2;
                    continue;
                }
                k += 1;
            }
            _ => break,
        }
    }
    if items.is_empty() {
        return None;
    }
    let pieces: Vec<Piece> = items.iter().map(|it| it.piece).collect();
    let (n, value) = best(&pieces)?;
    let (n, value) = unless_period(text, toks, &items, &pieces, n, value)?;
    let start = toks[i].start;
    Some(Phrase {
        start,
        end: items[n - 1].end,
        next: items[n - 1].next,
        value,
        pieces: pieces[..n].to_vec(),
    })
}

/// Whether the number word `w` at token `k` can continue the pieces so far.
fn accept(
    text: &str,
    toks: &[Token],
    k: usize,
    w: Word,
    prev: Option<Piece>,
    digits_first: bool,
) -> bool {
    let prev_complete = prev.is_some_and(|p| completes(&p));
    match w {
        Word::Over | Word::In => prev_complete && number_next(text, toks, k + 1),
        Word::Out => {
            prev_complete
                && word_at(text, toks, k + 1) == Some(Word::Of)
                && number_next(text, toks, k + 2)
        }
        Word::Of => match prev {
            Some(Piece::Word(Word::Out)) => true,
            Some(Piece::Word(Word::Ordinal { .. } | Word::Half { .. } | Word::Quarter { .. })) => {
                word_at(text, toks, k + 1) == Some(Word::Article)
                    && matches!(
                        word_at(text, toks, k + 2),
                        Some(Word::Scale(_) | Word::Dozen)
                    )
            }
            _ => false,
        },
        Word::And => {
            prev.is_some_and(|p| !matches!(p, Piece::Word(Word::And | Word::Minus | Word::Article)))
                && number_next(text, toks, k + 1)
        }
        Word::Article => matches!(
            prev,
            None | Some(Piece::Word(Word::And | Word::Half { .. } | Word::Of))
        ),
        Word::Minus => prev.is_none() && number_next(text, toks, k + 1),
        // "280 million first": a rank after a scale or after digits is a
        // new word, not the end of this number.
        Word::Ordinal { plural: false, .. } => {
            !matches!(prev, Some(Piece::Word(Word::Scale(_)))) && !digits_first
        }
        Word::Point => {
            prev_complete
                && matches!(
                    word_at(text, toks, k + 1),
                    Some(Word::Unit(_) | Word::Teen(_) | Word::Tens(_))
                )
        }
        _ => true,
    }
}

/// The longest prefix of `pieces` that is one number. An "and" followed by
/// a number that the next scale word cannot extend is given back too ("3
/// hundred and 2 hundred" → "3 hundred").
fn best(pieces: &[Piece]) -> Option<(usize, Value)> {
    for n in (1..=pieces.len()).rev() {
        let Some(v) = grammar::eval(&pieces[..n]) else {
            continue;
        };
        if n < pieces.len()
            && n >= 2
            && matches!(
                pieces[n],
                Piece::Word(Word::Hundred | Word::Scale(_) | Word::Dozen)
            )
            && matches!(pieces[n - 2], Piece::Word(Word::And))
            && let Some(v2) = grammar::eval(&pieces[..n - 2])
        {
            return Some((n - 2, v2));
        }
        return Some((n, v));
    }
    None
}

/// "2 in 10 minutes", "3 over 5 years": a ratio word before a period of
/// time is a preposition; keep only what precedes it.
fn unless_period(
    text: &str,
    toks: &[Token],
    items: &[Item],
    pieces: &[Piece],
    n: usize,
    value: Value,
) -> Option<(usize, Value)> {
    let Some(r) = pieces[..n]
        .iter()
        .position(|p| matches!(p, Piece::Word(Word::Over | Word::In | Word::Out)))
    else {
        return Some((n, value));
    };
    let after = toks.get(items[n - 1].next);
    let period = after.is_some_and(|t| t.kind == Kind::Word && vocab::is_time_word(t.text(text)));
    if !period {
        return Some((n, value));
    }
    best(&pieces[..r])
}
