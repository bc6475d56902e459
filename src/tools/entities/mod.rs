//! Training the entity recognizer (`crate::extract::entities`): CoNLL files
//! and conlleval scoring, the averaged perceptron that learns the model, and
//! the word clusters learned from unlabeled text.
//!
//! - `conll`: CoNLL files and conlleval scoring (`wirewatch eval ner`)
//! - `train`: averaged-perceptron learning (`wirewatch train-ner`)
//! - `clusters`: learning the word clusters (`wirewatch train-clusters`)

pub(crate) mod clusters;
pub(crate) mod conll;
pub(crate) mod train;
