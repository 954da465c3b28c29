import Workbench

print("tandem \(Tandem.version)")
