"""The main job wired from the stages: `analyze` and `status`, and the entity corrections."""
