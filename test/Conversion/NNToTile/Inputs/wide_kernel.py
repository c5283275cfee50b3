"""Prints an nn.kernel adding N [2, 1000] inputs and one broadcast [1000]
input in a chain: 2N + 1 live tiles of at least one repeat each."""
import sys

n = int(sys.argv[1])
t, b = "tensor<2x1000xf32>", "tensor<1000xf32>"
args = ", ".join(f"%a{i}: {t}" for i in range(n))
names = ", ".join(f"%a{i}" for i in range(n))
types = ", ".join([t] * n)
bargs = ", ".join(f"%x{i}: {t}" for i in range(n))
print(f"func.func @main({args}, %b: {b}) -> {t} {{")
print(f'  %0 = nn.kernel "wide" ins({names}, %b : {types}, {b}) -> {t} {{')
print(f"  ^bb0({bargs}, %y: {b}):")
print(f"    %s0 = nn.add %x0, %y : {t}, {b} -> {t}")
for i in range(1, n):
    print(f"    %s{i} = nn.add %s{i - 1}, %x{i} : {t}, {t} -> {t}")
print(f"    nn.yield %s{n - 1} : {t}")
print("  }")
print(f"  return %0 : {t}")
print("}")
