// swift-tools-version:6.0
import PackageDescription

/// Flags for modules that do arithmetic: release builds target Haswell (AVX2 + FMA) so that SIMD
/// multiply-add compiles to `vfmadd` instead of a call to `fmaf` (see PLATFORM.md), and drop bounds checks.
let mathFlags: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-target-cpu", "haswell"], .when(configuration: .release))
]

let package = Package(
    name: "Tandem",
    products: [
        .executable(name: "tandem", targets: ["tandem"])
    ],
    targets: [
        // MARK: - System libraries (module map + shim header only)

        /// HDF5 1.10 C library (libhdf5-dev), with shims for the macros that do not import.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        /// libedit line editing (libedit-dev), with shims for its C-variadic functions.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        /// oneDNN's dnnl_sgemm (libdnnl-dev), the GEMM under Tensor's matmul (chosen by measurement, README).
        .systemLibrary(name: "CDNNL", providers: [.apt(["libdnnl-dev"])]),
        /// sched_setaffinity (glibc, GNU extension), for pinning the emulated device and the edge to a core each.
        .systemLibrary(name: "CSched"),

        // MARK: - Libraries, lowest first

        /// Dense Float32 tensors, BLAS matmul, kNN, gather and scatter-reduce kernels.
        .target(name: "Tensor", dependencies: ["CDNNL"], exclude: ["README.md"], swiftSettings: mathFlags),
        /// Typed HDF5 access and the project's file layouts (point clouds, graphs, shapes generator).
        .target(name: "HDF5", dependencies: ["CHDF5", "Tensor"], exclude: ["README.md"], swiftSettings: mathFlags),
        /// GNN layers with forward and backward passes, optimisers, training, DGCNN and PointNet.
        .target(name: "GNN", dependencies: ["Tensor", "HDF5"], exclude: ["README.md"], swiftSettings: mathFlags),
        /// The design space, architectures with their device/edge mapping, and the one-shot supernet.
        .target(
            name: "Design", dependencies: ["GNN", "Tensor", "HDF5"], exclude: ["README.md"], swiftSettings: mathFlags),
        /// Emulated device / edge / link profiles, time dilation, link shaping, the device energy model.
        .target(
            name: "Systems", dependencies: ["CSched", "Design", "GNN", "Tensor", "HDF5"], exclude: ["README.md"],
            swiftSettings: mathFlags),
        /// The learned latency / energy predictor: architecture graphs, a GIN regressor, its training and metrics.
        .target(
            name: "Predictor", dependencies: ["Systems", "Design", "GNN", "Tensor", "HDF5"], exclude: ["README.md"],
            swiftSettings: mathFlags),
        /// Constraint-based random + evolutionary search over architectures with their mappings, and the zoo.
        .target(
            name: "Search", dependencies: ["Predictor", "Systems", "Design", "GNN", "Tensor", "HDF5"],
            exclude: ["README.md"],
            swiftSettings: mathFlags),
        /// Wire protocol, edge server, device runtime, pipelining and fallback.
        .target(
            name: "CoInference", dependencies: ["Search", "Systems", "Design", "GNN", "Tensor", "HDF5"],
            exclude: ["README.md"],
            swiftSettings: mathFlags),
        /// The command language, session, recorder, replay and notebooks (no terminal code).
        .target(
            name: "Workbench",
            dependencies: ["CoInference", "Search", "Predictor", "Systems", "Design", "GNN", "HDF5", "Tensor"],
            exclude: ["README.md"]),

        // MARK: - Executable

        /// The `tandem` command: REPL (libedit), batch replay, notebooks.
        .executableTarget(
            name: "tandem", dependencies: ["Workbench", "CoInference", "Systems", "Tensor", "CEditLine"]),

        // MARK: - Benchmarks (release programs behind scripts/bench)

        /// GNN benchmarks behind scripts/bench/gnn: DGCNN inference, training throughput, shapes accuracy.
        .executableTarget(
            name: "gnn-bench", dependencies: ["GNN", "HDF5", "Tensor"], path: "scripts/bench/gnn-bench",
            swiftSettings: mathFlags),
        /// Co-inference figures behind scripts/bench/coinfer (splits × bandwidths, devices per edge, clock agreement,
        /// the dispatcher) and scripts/bench/dispatch-zoo (the dispatcher over a searched zoo).
        .executableTarget(
            name: "coinfer-bench",
            dependencies: ["CoInference", "Search", "Systems", "Design", "GNN", "HDF5", "Tensor"],
            path: "scripts/bench/coinfer-bench", swiftSettings: mathFlags),
        /// The GEMM libraries (oneDNN as Tandem calls it, oneDNN's own threads, OpenBLAS, BLIS) at Tandem's shapes,
        /// run by `scripts/bench/gemm`.
        .executableTarget(
            name: "gemm-bench", dependencies: ["Tensor", "CDNNL"], path: "scripts/bench/gemm-bench",
            swiftSettings: mathFlags),
        /// Tensor kernel benchmark (kNN, matmul, gather, neighbourhood max), run by `scripts/bench/tensor`.
        .executableTarget(
            name: "TensorBench", dependencies: ["Tensor"], path: "scripts/bench/tensorbench", swiftSettings: mathFlags),

        // MARK: - Tests, one target per module

        .testTarget(name: "TensorTests", dependencies: ["Tensor"]),
        .testTarget(name: "HDF5Tests", dependencies: ["HDF5", "Tensor"]),
        .testTarget(name: "GNNTests", dependencies: ["GNN", "Tensor", "HDF5"]),
        .testTarget(name: "DesignTests", dependencies: ["Design", "GNN", "Tensor", "HDF5"]),
        .testTarget(name: "SystemsTests", dependencies: ["Systems", "Design", "GNN", "Tensor"]),
        .testTarget(name: "PredictorTests", dependencies: ["Predictor", "Systems", "Design", "GNN", "Tensor", "HDF5"]),
        .testTarget(
            name: "SearchTests", dependencies: ["Search", "Predictor", "Systems", "Design", "GNN", "Tensor", "HDF5"]),
        .testTarget(
            name: "CoInferenceTests",
            dependencies: ["CoInference", "Search", "Systems", "Design", "GNN", "Tensor", "HDF5"]),
        .testTarget(
            name: "WorkbenchTests",
            dependencies: ["Workbench", "Search", "Predictor", "Systems", "Design", "GNN", "HDF5", "Tensor"]),
        .testTarget(name: "TandemCLITests", dependencies: ["tandem", "HDF5"]),
    ]
)
