//! Rows of different lengths stored back to back: one offset per row into one flat vector
//! of values (the "compressed sparse row" layout). Every per-item list the catalog and the
//! resolver keep (requirements per role, postings per skill, courses per skill...) is one.

/// Rows of `T`, row `r` being `values[offsets[r]..offsets[r + 1]]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table<T> {
    offsets: Vec<u32>,
    values: Vec<T>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            offsets: vec![0],
            values: Vec::new(),
        }
    }
}

impl<T> Table<T> {
    /// An empty table with room for `rows` rows of `values` values in all.
    pub fn with_capacity(rows: usize, values: usize) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Table {
            offsets,
            values: Vec::with_capacity(values),
        }
    }

    /// One row per list, in order.
    pub fn from_rows<R: IntoIterator<Item = T>>(rows: impl IntoIterator<Item = R>) -> Self {
        let mut table = Table::default();
        for row in rows {
            table.push_row(row);
        }
        table
    }

    /// Appends a row.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = T>) {
        self.values.extend(row);
        self.offsets.push(offset(self.values.len()));
    }

    /// Appends a value to the last row (a new row when the table has none).
    pub fn push(&mut self, value: T) {
        if self.offsets.len() == 1 {
            self.offsets.push(0);
        }
        self.values.push(value);
        if let Some(last) = self.offsets.last_mut() {
            *last = offset(self.values.len());
        }
    }

    /// Starts a new, empty row.
    pub fn new_row(&mut self) {
        self.offsets.push(offset(self.values.len()));
    }

    /// Row `r`.
    ///
    /// # Panics
    ///
    /// When `r` is not below [`Table::len`] (an internal index out of range).
    pub fn row(&self, r: usize) -> &[T] {
        &self.values[self.offsets[r] as usize..self.offsets[r + 1] as usize]
    }

    /// Row `r`, mutably.
    pub fn row_mut(&mut self, r: usize) -> &mut [T] {
        let (start, end) = (self.offsets[r] as usize, self.offsets[r + 1] as usize);
        &mut self.values[start..end]
    }

    /// The number of values in all rows.
    pub fn values_len(&self) -> usize {
        self.values.len()
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The rows, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[T]> + '_ {
        (0..self.len()).map(|r| self.row(r))
    }

    /// Every value, row after row, to change in place.
    pub fn values_mut(&mut self) -> &mut [T] {
        &mut self.values
    }

    /// Drops spare capacity.
    pub fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.values.shrink_to_fit();
    }

    /// Approximate heap memory, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.offsets.capacity() * 4 + self.values.capacity() * std::mem::size_of::<T>()
    }
}

/// A value count as an offset. Tables hold fewer than 2³² values: the catalog and the
/// resolver cap their inputs well below that.
fn offset(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_of_any_length() {
        let t = Table::from_rows([vec![1, 2], vec![], vec![3]]);
        assert_eq!(t.len(), 3);
        assert_eq!(t.row(0), [1, 2]);
        assert!(t.row(1).is_empty());
        assert_eq!(t.row(2), [3]);
        let mut u = Table::default();
        u.new_row();
        u.push(7);
        u.push(8);
        u.new_row();
        assert_eq!(u.rows().collect::<Vec<_>>(), [&[7, 8][..], &[]]);
        assert_eq!(Table::<u8>::default().len(), 0);
    }
}
