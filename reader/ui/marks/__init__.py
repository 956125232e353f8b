"""The learner's knowledge seen in the text: new and learning words marked in both views,
and the pinyin view's words for "only words I do not know"."""
