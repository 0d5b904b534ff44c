#!/usr/bin/python3
"""Train a model of graph.GRAPHS on a data set with torch; save float weights (.npz).

    /usr/bin/python3 lib/p4nn/host/train.py --model cnn --data mnist --out models/cnn_mnist.npz

Fixed seed, 2 threads, Adam with a step-down learning rate; reports the
time taken and the float test accuracy. The weights are saved in the
layouts of docs/p4nn-model.md (HWC), so the rest of the host code needs
numpy only. Uses Debian's python3-torch (run with /usr/bin/python3).
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datasets  # noqa: E402
import graph  # noqa: E402

# epochs per (model, data set): modest, enough for MNIST float >= 99.1%
DEFAULT_EPOCHS = {'cnn': 6, 'convgap': 3, 'digits': 30}


class Net(nn.Module):
    """The torch twin of a parsed graph (NCHW inside torch)."""

    def __init__(self, layers, batch_norm=False):
        super().__init__()
        self.layers = layers
        self.mods = nn.ModuleDict()
        # batch norm after each convolution (recipe 'bn'): folded into the
        # convolution's weights and bias at export, so the graph is unchanged
        self.norms = nn.ModuleDict()
        for layer in layers:
            kind, c_in = layer['kind'], (layer['in'] or (0, 0, 0))[2]
            if kind == 'conv2d':
                self.mods[layer['name']] = nn.Conv2d(c_in, layer['out'], layer['k'], layer['stride'], layer['pad'])
                if batch_norm:
                    self.norms[layer['name']] = nn.BatchNorm2d(layer['out'])
            elif kind == 'dwconv2d':
                self.mods[layer['name']] = nn.Conv2d(c_in, c_in, layer['k'], layer['stride'], layer['pad'], groups=c_in)
            elif kind == 'dense':
                h, w, c = layer['in']
                self.mods[layer['name']] = nn.Linear(h * w * c, layer['out'])

    def forward(self, x):
        for layer in self.layers[1:]:
            kind = layer['kind']
            if kind in ('conv2d', 'dwconv2d'):
                x = self.mods[layer['name']](x)
                if layer['name'] in self.norms:
                    x = self.norms[layer['name']](x)
            elif kind == 'dense':
                x = self.mods[layer['name']](x.flatten(1))
            elif kind == 'maxpool2':
                x = nn.functional.max_pool2d(x, 2)
            elif kind == 'avgpool2':
                x = nn.functional.avg_pool2d(x, 2)
            elif kind == 'gap':
                x = x.mean(dim=(2, 3), keepdim=True)
            if layer.get('relu'):
                x = torch.relu(x)
        return x.flatten(1)


def export_params(net, layers):
    """torch weights -> the contract's layouts (float32)."""
    params = {}
    for layer in graph.param_layers(layers):
        name, kind = layer['name'], layer['kind']
        if kind == 'gap':
            continue
        w = net.mods[name].weight.detach().numpy().astype(np.float32)
        b = net.mods[name].bias.detach().numpy().astype(np.float32)
        if name in net.norms:                     # eval-mode batch norm: y = (x - mean) * g / sqrt(var + eps) + beta
            norm = net.norms[name]
            gain = (norm.weight / torch.sqrt(norm.running_var + norm.eps)).detach().numpy().astype(np.float32)
            w = w * gain[:, None, None, None]
            b = (b - norm.running_mean.detach().numpy()) * gain + norm.bias.detach().numpy()
        if kind == 'conv2d':                      # F,C,KH,KW -> F,KH,KW,C
            w = w.transpose(0, 2, 3, 1)
        elif kind == 'dwconv2d':                  # C,1,KH,KW -> KH,KW,C
            w = w[:, 0].transpose(1, 2, 0)
        else:                                     # input flattened CHW by torch -> HWC
            h, wd, c = layer['in']
            w = w.reshape(w.shape[0], c, h, wd).transpose(0, 2, 3, 1).reshape(w.shape[0], -1)
        params[name + '.w'] = np.ascontiguousarray(w)
        params[name + '.b'] = b.astype(np.float32)
    return params


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--model', required=True, choices=sorted(graph.GRAPHS))
    ap.add_argument('--data', required=True, choices=datasets.SETS)
    ap.add_argument('--out', required=True)
    ap.add_argument('--epochs', type=int)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--augment', action='store_true',
                    help="random affine distortion of each training batch (rotation up to 8 degrees, scale "
                         "0.92-1.08, shift up to 2 pixels; drawn from the seeded generator)")
    ap.add_argument('--max-lr', type=float, default=4e-3, help="the one-cycle peak rate (recipe bn)")
    ap.add_argument('--recipe', choices=('step', 'bn'), default='step',
                    help="step: Adam 2e-3 cut x0.3 at 50/75/90%% of the epochs (the first models); "
                         "bn: batch norm folded at export, Adam with a one-cycle schedule (peak 4e-3)")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    epochs = args.epochs or DEFAULT_EPOCHS[args.model]
    layers = graph.parse(graph.GRAPHS[args.model])
    x_train, y_train = datasets.load(args.data, 'train')
    x_test, y_test = datasets.load(args.data, 'test')
    to_t = lambda x: torch.from_numpy(x.astype(np.float32) / 255.0)[:, None]  # the contract: p / 255
    xt, yt = to_t(x_train), torch.from_numpy(y_train.astype(np.int64))
    net = Net(layers, batch_norm=args.recipe == 'bn')
    gen = torch.Generator().manual_seed(args.seed)
    batch = 64 if len(xt) < 5000 else 128
    if args.recipe == 'step':
        opt = torch.optim.Adam(net.parameters(), lr=2e-3)
        # cut at 50%, 75% and 90% of the epochs
        steps = [max(1, int(epochs * f)) for f in (0.5, 0.75, 0.9)]
        sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=sorted(set(steps)), gamma=0.3)
        per_batch = False
    else:
        # one cycle per run, stepped every batch: few epochs still end at a small rate
        opt = torch.optim.Adam(net.parameters(), lr=args.max_lr)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.max_lr, epochs=epochs,
                                                    steps_per_epoch=(len(xt) + batch - 1) // batch)
        per_batch = True
    start = time.time()
    for epoch in range(epochs):
        net.train()
        order = torch.randperm(len(xt), generator=gen)
        total = 0.0
        for i in range(0, len(xt), batch):
            idx = order[i:i + batch]
            xb = augment(xt[idx], gen) if args.augment else xt[idx]
            loss = nn.functional.cross_entropy(net(xb), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            if per_batch:
                sched.step()
            total += loss.item() * len(idx)
        if not per_batch:
            sched.step()
        acc = evaluate(net, to_t(x_test), y_test)
        print(f"epoch {epoch + 1}/{epochs}: train loss {total / len(xt):.4f}, test accuracy {acc:.2f}%, "
              f"{time.time() - start:.0f} s", flush=True)
    seconds = time.time() - start
    params = export_params(net, layers)
    # the numpy float model must agree with torch on the exported layouts
    ref = graph.float_forward(layers, params, x_test[:200])
    with torch.no_grad():
        got = net(to_t(x_test[:200])).numpy()
    assert np.allclose(ref, got, atol=1e-3), "exported layouts disagree with torch"
    # float16 keeps the committed files small (the float model is defined by these values)
    params = {k: v.astype(np.float16) for k, v in params.items()}
    np.savez_compressed(args.out, graph=np.array(graph.GRAPHS[args.model]), data=np.array(args.data),
                        seed=args.seed, epochs=epochs, recipe=np.array(args.recipe), augment=args.augment, max_lr=args.max_lr,
                        threads=args.threads, train_seconds=seconds, test_accuracy=acc, **params)
    print(f"{args.model} on {args.data}: float test accuracy {acc:.2f}% after {epochs} epochs "
          f"(recipe {args.recipe}), training took {seconds:.0f} s ({args.threads} threads); saved {args.out}")


def augment(x, gen):
    """A random small affine distortion per image (N x 1 x H x W, bilinear, zero outside):
    the digits' slant, size and position vary, so the convolutions see more of them
    than 60,000 fixed images (the conv-only model's float accuracy goes past 99%)."""
    n = len(x)
    angle = (torch.rand(n, generator=gen) * 2 - 1) * (8 * np.pi / 180)
    scale = 1 + (torch.rand(n, generator=gen) * 2 - 1) * 0.08
    shift = (torch.rand(n, 2, generator=gen) * 2 - 1) * (2 * 2 / x.shape[-1])  # 2 pixels, in [-1, 1] units
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = nn.functional.affine_grid(theta, list(x.shape), align_corners=False)
    return nn.functional.grid_sample(x, grid, mode='bilinear', padding_mode='zeros', align_corners=False)


def evaluate(net, x, y):
    net.eval()
    with torch.no_grad():
        pred = torch.cat([net(x[i:i + 1000]).argmax(1) for i in range(0, len(x), 1000)]).numpy()
    return 100.0 * float((pred == y).mean())


if __name__ == '__main__':
    main()
