/// A rectangular block of a tensor seen as a `[rows, columns]` matrix, addressed in place through the
/// leading dimension (no copy).
///
/// The supernet keeps one weight of the largest size `[CinMax, CoutMax]` and runs a smaller choice with the
/// top-left block `MatrixBlock(rows: cin, columns: cout)`; the GEMM then reads it with leading dimension `CoutMax`.
public struct MatrixBlock: Sendable, Equatable {
    /// The number of rows of the block.
    public var rows: Int
    /// The number of columns of the block.
    public var columns: Int
    /// The first row of the block in the whole matrix.
    public var rowOffset: Int
    /// The first column of the block in the whole matrix.
    public var columnOffset: Int

    /// A block of `rows × columns` elements whose top-left element is at (`rowOffset`, `columnOffset`).
    public init(rows: Int, columns: Int, rowOffset: Int = 0, columnOffset: Int = 0) {
        self.rows = rows
        self.columns = columns
        self.rowOffset = rowOffset
        self.columnOffset = columnOffset
    }

    /// The whole of `tensor` seen as a matrix.
    public init(wholeOf tensor: Tensor) {
        self.init(rows: tensor.rows, columns: tensor.columns)
    }

    /// Checks that the block lies inside `tensor` (seen as a matrix); `name` appears in the failure message.
    func check(fitsIn tensor: Tensor, _ name: String) {
        precondition(
            rows >= 0 && columns >= 0 && rowOffset >= 0 && columnOffset >= 0
                && rowOffset + rows <= tensor.rows && columnOffset + columns <= tensor.columns,
            "\(name) block \(self) does not fit in a [\(tensor.rows), \(tensor.columns)] matrix")
    }
}
