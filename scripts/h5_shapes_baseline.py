#!/usr/bin/env python3
"""Trains a reference classifier (PyTorch) on a Tandem shapes file to show how hard the data set is.

Usage: h5_shapes_baseline.py SHAPES.h5 [--model dgcnn|pointnet] [--epochs 40] [--points 1024] [--k 20]
                              [--seed 0] [--threads 2]

Reads /train and /test (point-cloud layout), trains with the usual DGCNN recipe (Adam 1e-3, cosine schedule,
cross-entropy with label smoothing 0.2, augmentation: anisotropic scale 0.67-1.5 and shift +-0.2), and prints
the best and final test accuracy and the most confused class pairs. The DGCNN here is the paper's
(EdgeConv 64-64-128-256, max aggregation, 1024-d embedding, head 512-256-C, dropout 0.5); `pointnet` is the
vanilla PointNet (64-64-64-128-1024, head 512-256-C). Needs torch (scripts/setup --torch).
"""
import argparse
import time

import h5py
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def knn(x, k):
    inner = -2 * torch.matmul(x.transpose(2, 1), x)
    xx = torch.sum(x**2, dim=1, keepdim=True)
    return (-xx - inner - xx.transpose(2, 1)).topk(k=k, dim=-1)[1]


def edge_features(x, k):
    b, c, n = x.shape
    idx = (knn(x, k) + torch.arange(b).view(-1, 1, 1) * n).view(-1)
    x = x.transpose(2, 1).contiguous()
    neighbours = x.view(b * n, -1)[idx].view(b, n, k, c)
    x = x.view(b, n, 1, c).expand(-1, -1, k, -1)
    return torch.cat((neighbours - x, x), dim=3).permute(0, 3, 1, 2).contiguous()


class DGCNN(nn.Module):
    def __init__(self, classes, k):
        super().__init__()
        self.k = k
        widths = [(6, 64), (128, 64), (128, 128), (256, 256)]
        self.convs = nn.ModuleList(
            nn.Sequential(nn.Conv2d(i, o, 1, bias=False), nn.BatchNorm2d(o), nn.LeakyReLU(0.2)) for i, o in widths)
        self.embed = nn.Sequential(nn.Conv1d(512, 1024, 1, bias=False), nn.BatchNorm1d(1024), nn.LeakyReLU(0.2))
        self.head = nn.Sequential(
            nn.Linear(2048, 512, bias=False), nn.BatchNorm1d(512), nn.LeakyReLU(0.2), nn.Dropout(0.5),
            nn.Linear(512, 256), nn.BatchNorm1d(256), nn.LeakyReLU(0.2), nn.Dropout(0.5), nn.Linear(256, classes))

    def forward(self, x):
        outs = []
        for conv in self.convs:
            x = conv(edge_features(x, self.k)).max(dim=-1)[0]
            outs.append(x)
        x = self.embed(torch.cat(outs, dim=1))
        return self.head(torch.cat((x.max(dim=-1)[0], x.mean(dim=-1)), dim=1))


class PointNet(nn.Module):
    def __init__(self, classes):
        super().__init__()
        widths = [3, 64, 64, 64, 128, 1024]
        layers = []
        for i, o in zip(widths, widths[1:]):
            layers += [nn.Conv1d(i, o, 1, bias=False), nn.BatchNorm1d(o), nn.ReLU()]
        self.features = nn.Sequential(*layers)
        self.head = nn.Sequential(
            nn.Linear(1024, 512, bias=False), nn.BatchNorm1d(512), nn.ReLU(), nn.Dropout(0.5),
            nn.Linear(512, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.5), nn.Linear(256, classes))

    def forward(self, x):
        return self.head(self.features(x).max(dim=-1)[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--model", default="dgcnn", choices=["dgcnn", "pointnet"])
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--points", type=int, default=1024)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = np.random.default_rng(args.seed)
    with h5py.File(args.file, "r") as f:
        names = [n.decode() if isinstance(n, bytes) else n for n in f["train"].attrs["class_names"]]
        train_x, train_y = f["train/data"][()], f["train/label"][()].ravel().astype(np.int64)
        test_x, test_y = f["test/data"][()], f["test/label"][()].ravel().astype(np.int64)
    train_x, test_x = train_x[:, : args.points], test_x[:, : args.points]
    classes = len(names)
    model = DGCNN(classes, args.k) if args.model == "dgcnn" else PointNet(classes)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, args.epochs, eta_min=1e-5)
    print(f"{args.model}: {len(train_y)} train / {len(test_y)} test clouds, {classes} classes, "
          f"{train_x.shape[1]} points, {args.epochs} epochs")
    best, started = 0.0, time.time()
    for epoch in range(args.epochs):
        model.train()
        order = rng.permutation(len(train_y))
        for start in range(0, len(order) - 1, args.batch):
            batch = order[start : start + args.batch]
            if len(batch) < 2:
                continue
            x = train_x[batch] * rng.uniform(2 / 3, 1.5, (len(batch), 1, 3)) + rng.uniform(-0.2, 0.2, (len(batch), 1, 3))
            logits = model(torch.from_numpy(x.astype(np.float32)).transpose(2, 1))
            loss = F.cross_entropy(logits, torch.from_numpy(train_y[batch]), label_smoothing=0.2)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        schedule.step()
        model.eval()
        with torch.no_grad():
            predicted = np.concatenate([
                model(torch.from_numpy(test_x[s : s + 64]).transpose(2, 1)).argmax(1).numpy()
                for s in range(0, len(test_y), 64)])
        accuracy = float((predicted == test_y).mean())
        best = max(best, accuracy)
        print(f"epoch {epoch + 1:3d}  loss {loss.item():.3f}  test accuracy {accuracy:.3f}  "
              f"({time.time() - started:.0f} s)", flush=True)
    confusion = np.zeros((classes, classes), dtype=int)
    for truth, guess in zip(test_y, predicted):
        confusion[truth, guess] += 1
    print(f"final test accuracy {accuracy:.3f}, best {best:.3f}")
    print("per class: " + ", ".join(f"{n} {confusion[i, i] / max(confusion[i].sum(), 1):.2f}" for i, n in enumerate(names)))
    pairs = sorted(((confusion[i, j], names[i], names[j]) for i in range(classes) for j in range(classes) if i != j),
                   reverse=True)
    print("most confused (true -> predicted): " + ", ".join(f"{a}->{b} {c}" for c, a, b in pairs[:6] if c > 0))


if __name__ == "__main__":
    main()
