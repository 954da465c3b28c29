#!/usr/bin/env python3
"""PyTorch reference for Tandem's DGCNN (the GNN cross-check test and the inference benchmark use it).

Builds DGCNN exactly as Tandem defines it (EdgeConv on [x_i, x_j - x_i] with 1x1 conv without bias + BN2d +
LeakyReLU(0.2) + max over k; concat -> conv1d 1024 + BN1d + LeakyReLU; max||mean pool; head Linear(no bias)
+BN+LeakyReLU+Dropout twice, then Linear with bias), fills it with seeded random weights and random BatchNorm
running statistics (some gammas negative), runs it in eval mode on random points and writes:

  MODEL.h5      a Tandem model file (root attributes format/model/k/..., datasets /edge1/weight [2C, out], ...)
  REFERENCE.h5  /points [B, N, 3] float32, /graph1../graph4 [B, N, k] int32 (local kNN indices computed by
                torch on each EdgeConv's input), /logits [B, classes] float32

Usage: torch_dgcnn_reference.py MODEL.h5 REFERENCE.h5 [--batch B] [--points N] [--k K] [--classes C]
       [--seed S] [--widths 64,64,128,256] [--embedding 1024]
"""
import argparse

import h5py
import numpy as np
import torch
import torch.nn as nn


def knn(x, k):
    """x: [B, C, N] -> local indices [B, N, k] of the k nearest points (self included), as DGCNN."""
    inner = -2 * torch.matmul(x.transpose(2, 1), x)
    xx = torch.sum(x ** 2, dim=1, keepdim=True)
    pairwise = -xx - inner - xx.transpose(2, 1)
    return pairwise.topk(k=k, dim=-1)[1]


def edge_features(x, idx):
    """x: [B, C, N], idx: [B, N, k] -> [B, 2C, N, k] holding [x_i, x_j - x_i]."""
    b, c, n = x.shape
    k = idx.shape[-1]
    base = torch.arange(0, b, device=x.device).view(-1, 1, 1) * n
    flat = (idx + base).view(-1)
    xt = x.transpose(2, 1).contiguous()
    neighbours = xt.view(b * n, -1)[flat, :].view(b, n, k, c)
    centre = xt.view(b, n, 1, c).repeat(1, 1, k, 1)
    return torch.cat((centre, neighbours - centre), dim=3).permute(0, 3, 1, 2).contiguous()


class DGCNN(nn.Module):
    def __init__(self, k, widths, embedding, classes):
        super().__init__()
        self.k = k
        inputs = [3] + widths[:-1]
        self.convs = nn.ModuleList(
            nn.Sequential(nn.Conv2d(2 * i, o, 1, bias=False), nn.BatchNorm2d(o), nn.LeakyReLU(0.2))
            for i, o in zip(inputs, widths))
        self.embed = nn.Sequential(
            nn.Conv1d(sum(widths), embedding, 1, bias=False), nn.BatchNorm1d(embedding), nn.LeakyReLU(0.2))
        self.head = nn.Sequential(
            nn.Linear(2 * embedding, 512, bias=False), nn.BatchNorm1d(512), nn.LeakyReLU(0.2), nn.Dropout(0.5),
            nn.Linear(512, 256, bias=False), nn.BatchNorm1d(256), nn.LeakyReLU(0.2), nn.Dropout(0.5),
            nn.Linear(256, classes))

    def forward(self, x, graphs=None):
        """x: [B, 3, N]; graphs: optional list of [B, N, k] indices to use instead of computing kNN."""
        outputs, used = [], []
        for i, conv in enumerate(self.convs):
            idx = knn(x, self.k) if graphs is None else graphs[i]
            used.append(idx)
            x = conv(edge_features(x, idx)).max(dim=-1)[0]
            outputs.append(x)
        e = self.embed(torch.cat(outputs, dim=1))
        pooled = torch.cat((e.max(dim=-1)[0], e.mean(dim=-1)), dim=1)
        return self.head(pooled), used


def randomise(model, generator):
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Linear)):
                bound = 1 / np.sqrt(m.weight[0].numel())
                m.weight.uniform_(-bound, bound, generator=generator)
                if m.bias is not None:
                    m.bias.uniform_(-bound, bound, generator=generator)
            if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
                n = m.num_features
                sign = torch.where(torch.rand(n, generator=generator) < 0.2, -1.0, 1.0)
                m.weight.copy_(sign * (0.5 + torch.rand(n, generator=generator)))
                m.bias.copy_(0.2 * torch.randn(n, generator=generator))
                m.running_mean.copy_(0.1 * torch.randn(n, generator=generator))
                m.running_var.copy_(0.5 + torch.rand(n, generator=generator))


def tandem_tensors(model):
    """Tandem's names -> float32 arrays (weights as [in, out])."""
    out = {}

    def bn(prefix, m):
        out[prefix + "/bn/gamma"] = m.weight
        out[prefix + "/bn/beta"] = m.bias
        out[prefix + "/bn/running_mean"] = m.running_mean
        out[prefix + "/bn/running_var"] = m.running_var

    for i, seq in enumerate(model.convs):
        out[f"edge{i + 1}/weight"] = seq[0].weight[:, :, 0, 0].t()
        bn(f"edge{i + 1}", seq[1])
    out["embed/weight"] = model.embed[0].weight[:, :, 0].t()
    bn("embed", model.embed[1])
    h = model.head
    out["head/fc1/weight"] = h[0].weight.t()
    bn("head/fc1", h[1])
    out["head/fc2/weight"] = h[4].weight.t()
    bn("head/fc2", h[5])
    out["head/fc3/weight"] = h[8].weight.t()
    out["head/fc3/bias"] = h[8].bias
    return {k: v.detach().numpy().astype(np.float32) for k, v in out.items()}


def load_tandem(model, path):
    """Copies the tensors of a Tandem DGCNN model file into `model` (the inverse of `tandem_tensors`)."""
    with h5py.File(path, "r") as f:
        with torch.no_grad():
            for name, value in tandem_tensors(model).items():
                source = torch.from_numpy(f[name][...])
                target = dict(_tensor_views(model))[name]
                target.copy_(source.t().reshape(target.shape) if source.dim() == 2 else source)


def dgcnn_from_tandem_file(path):
    """A PyTorch DGCNN in eval mode, sized by a Tandem DGCNN model file's attributes and holding its weights."""
    with h5py.File(path, "r") as f:
        k = int(f.attrs["k"])
        widths = [int(w) for w in f.attrs["edge_widths"]]
        embedding = int(f.attrs["embedding"])
        classes = int(f.attrs["classes"])
    model = DGCNN(k, widths, embedding, classes)
    load_tandem(model, path)
    return model.eval()


def timing_setup(description):
    """The timers' shared command line (model file, --batch, --points, --repeat, --threads), with torch's
    thread count set, the DGCNN loaded from the Tandem file, and the seeded random input [B, 3, P]."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("model")
    parser.add_argument("--batch", type=int, default=1)
    parser.add_argument("--points", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = dgcnn_from_tandem_file(args.model)
    generator = torch.Generator().manual_seed(1)
    x = (torch.rand(args.batch, args.points, 3, generator=generator) * 2 - 1).transpose(2, 1).contiguous()
    return args, model, x


def _tensor_views(model):
    """(Tandem name, the torch tensor it maps to) for every tensor of `tandem_tensors`."""
    views = []

    def bn(prefix, m):
        views.extend([(prefix + "/bn/gamma", m.weight), (prefix + "/bn/beta", m.bias),
                      (prefix + "/bn/running_mean", m.running_mean), (prefix + "/bn/running_var", m.running_var)])

    for i, seq in enumerate(model.convs):
        views.append((f"edge{i + 1}/weight", seq[0].weight))
        bn(f"edge{i + 1}", seq[1])
    views.append(("embed/weight", model.embed[0].weight))
    bn("embed", model.embed[1])
    h = model.head
    views.append(("head/fc1/weight", h[0].weight))
    bn("head/fc1", h[1])
    views.append(("head/fc2/weight", h[4].weight))
    bn("head/fc2", h[5])
    views.append(("head/fc3/weight", h[8].weight))
    views.append(("head/fc3/bias", h[8].bias))
    return views


def write_model(path, model, k, widths, embedding, classes):
    with h5py.File(path, "w") as f:
        f.attrs["format"] = "tandem-model"
        f.attrs["version"] = np.int64(1)
        f.attrs["model"] = "dgcnn"
        f.attrs["classes"] = np.int64(classes)
        f.attrs["k"] = np.int64(k)
        f.attrs["edge_widths"] = np.array(widths, dtype=np.int64)
        f.attrs["embedding"] = np.int64(embedding)
        f.attrs["hidden"] = np.array([512, 256], dtype=np.int64)
        f.attrs["dropout"] = 0.5
        for name, value in tandem_tensors(model).items():
            f.create_dataset(name, data=value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("reference")
    parser.add_argument("--batch", type=int, default=2)
    parser.add_argument("--points", type=int, default=64)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--classes", type=int, default=13)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--widths", default="64,64,128,256")
    parser.add_argument("--embedding", type=int, default=1024)
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    generator = torch.Generator().manual_seed(args.seed)
    model = DGCNN(args.k, widths, args.embedding, args.classes)
    randomise(model, generator)
    with torch.no_grad():
        model.head[8].weight.mul_(10)  # logits of order 1, so that 1e-4 is a tight check
    model.eval()
    points = torch.rand(args.batch, args.points, 3, generator=generator) * 2 - 1
    with torch.no_grad():
        logits, graphs = model(points.transpose(2, 1).contiguous())
    write_model(args.model, model, args.k, widths, args.embedding, args.classes)
    with h5py.File(args.reference, "w") as f:
        f.create_dataset("points", data=points.numpy().astype(np.float32))
        for i, g in enumerate(graphs):
            f.create_dataset(f"graph{i + 1}", data=g.numpy().astype(np.int32))
        f.create_dataset("logits", data=logits.numpy().astype(np.float32))


if __name__ == "__main__":
    main()
