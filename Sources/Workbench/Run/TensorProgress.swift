import Tensor

/// Tensor's progress sink, named apart from Foundation's `Progress`.
public typealias TensorProgress = Progress
