#!/usr/bin/env python3
"""Times onnxruntime on the full DGCNN with the weights of a Tandem model file (scripts/bench/gnn).

Builds the PyTorch DGCNN of scripts/torch_dgcnn_reference.py, loads the Tandem weights into it, exports it to
ONNX (kNN, gather, EdgeConv, pooling and head all inside the graph; fixed shape [B, 3, N]), checks that
onnxruntime's logits match PyTorch's, then times onnxruntime (intra-op threads = --threads, one inter-op thread,
sequential execution, all graph optimisations).

Usage: gnn_onnx_infer.py MODEL.h5 --batch B --points N --repeat R --threads T
Prints: onnx_infer batch=B points=N threads=T median_ms=... min_ms=... median_cpu_ms=... max_logit_diff=...
"""
import os
import statistics
import sys
import tempfile
import time
import warnings

import numpy as np
import onnxruntime as ort
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from torch_dgcnn_reference import timing_setup  # noqa: E402


class Logits(torch.nn.Module):
    """The DGCNN's logits only (its forward also returns the kNN graphs)."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x):
        return self.model(x)[0]


def main():
    args, model, x = timing_setup(__doc__)
    wrapper = Logits(model).eval()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "dgcnn.onnx")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        with torch.no_grad():
            expected = wrapper(x).numpy()
            torch.onnx.export(wrapper, (x,), path, input_names=["points"], output_names=["logits"],
                              opset_version=17, dynamo=False)
        options = ort.SessionOptions()
        options.intra_op_num_threads = args.threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    feed = {"points": x.numpy()}
    got = session.run(None, feed)[0]
    difference = float(np.max(np.abs(got - expected)))
    times, cpu = [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        session.run(None, feed)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(f"onnx_infer batch={args.batch} points={args.points} threads={args.threads} "
          f"median_ms={statistics.median(times) * 1000} min_ms={min(times) * 1000} "
          f"median_cpu_ms={statistics.median(cpu) * 1000} max_logit_diff={difference} onnxruntime={ort.__version__}")


if __name__ == "__main__":
    main()
