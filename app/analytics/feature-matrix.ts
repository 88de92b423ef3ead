/**
 * Row-major numeric matrix in one Float64Array: value (row i, column j) = data[i · cols + j].
 * One allocation instead of one array per row keeps 100 000 × 10 matrices cheap to scan.
 */
export interface FeatureMatrix {
  data: Float64Array;
  rows: number;
  cols: number;
}

/** Builds a FeatureMatrix from equally long columns. */
export function fromColumns(columns: readonly ArrayLike<number>[]): FeatureMatrix {
  const cols = columns.length;
  const rows = cols === 0 ? 0 : (columns[0] as ArrayLike<number>).length;
  const data = new Float64Array(rows * cols);
  columns.forEach((column, j) => {
    if (column.length !== rows) throw new RangeError("All feature columns must have equal length");
    for (let i = 0; i < rows; i++) data[i * cols + j] = column[i] as number;
  });
  return { data, rows, cols };
}

/** Builds a FeatureMatrix from row arrays (convenient in tests and small inputs). */
export function fromRows(rows: readonly (readonly number[])[]): FeatureMatrix {
  const cols = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError("All rows must have equal length");
    data.set(row, i * cols);
  });
  return { data, rows: rows.length, cols };
}

/** Rows as plain arrays, the shape ml-pca and ml-matrix expect. */
export function toRowArrays(matrix: FeatureMatrix): number[][] {
  const out: number[][] = new Array(matrix.rows);
  for (let i = 0; i < matrix.rows; i++) {
    out[i] = Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols));
  }
  return out;
}

/** Sub-matrix of the given rows, in the given order. */
export function selectRows(matrix: FeatureMatrix, rowIndices: ArrayLike<number>): FeatureMatrix {
  const { cols } = matrix;
  const data = new Float64Array(rowIndices.length * cols);
  for (let r = 0; r < rowIndices.length; r++) {
    const source = (rowIndices[r] as number) * cols;
    data.set(matrix.data.subarray(source, source + cols), r * cols);
  }
  return { data, rows: rowIndices.length, cols };
}
