# a tiny plain graph: a triangle with a tail, and a separate pair
a b
b c 2.5
c a
c d   # inline comment

d e
f g
