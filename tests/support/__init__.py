"""What the specifications share: archives to test against, paths, clients of the protocols, processes to run."""
