#!/usr/bin/env python3
"""Generates the bundled "trained on SageMaker" samples under events/artifacts/lfv-samples/.

Deterministic (fixed seeds), python3 standard library only. Run from anywhere:

    python3 events/generate/generate_sagemaker_samples.py

SageMaker's defect-detection algorithm writes no evaluation: what a team has is the labelled test manifest the job
trained with (its "test" channel) and the .out files of a batch transform over the test images. This writes both,
the saved describe-* documents the local mode answers SageMaker calls from, and the EventBridge events:

  screws  classification, 80 test images, dataset manifest in the messy forms of the wild (label attribute
          "screw-label", class names in any case, JavaScript dates, integer labels that contradict the class);
          v1 trained (untagged job: project and version come from the job's name and the store), evaluated by a
          batch transform; v2's training failed.
  tiles   segmentation (labels chip, stain; colour maps without BACKGROUND on some lines, "name" instead of
          "class-name", hex in any case), 60 test images; v1 trained by a tagged job and evaluated by a tagged
          transform, v2 evaluated through the explicit backfill event (a somewhat worse model: a regression),
          v3 trained and still waiting for its batch transform (shown as "evaluation pending").

Expected figures are not written here: the tests compute them from the same files with the evaluation-manifest
path (the joined manifest must give the same summary as the equivalent evaluation manifest).
"""
import hashlib
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
BUCKET = "lfv-samples"
ROOT = os.path.join(os.path.dirname(HERE), "artifacts", BUCKET)
EVENTS = os.path.join(ROOT, "sagemaker", "events")
ACCOUNT = "123456789012"
REGION = "us-east-1"
ALGORITHM = "arn:aws:sagemaker:us-east-1:865070037744:algorithm/lfv-public-algorithm-v1-1234567890abcdef"
JS_DATE = "Mon Aug 22 2022 13:52:52 GMT-0700 (Pacific Daylight Time)"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text)


def write_json(path, doc):
    write(path, json.dumps(doc, indent=2) + "\n")


def clip(x):
    return min(0.999, max(0.001, x))


def prediction(rng, anomalous, separation, spread):
    """An .out as DetectAnomalies shapes it: IsAnomalous and the confidence in the predicted class."""
    score = clip(rng.gauss(0.5 + separation if anomalous else 0.5 - separation, spread))
    predicted = score >= 0.5
    return predicted, round(score if predicted else 1.0 - score, 6)


def screws():
    rng = random.Random(8)
    data = "sagemaker-data/screws"
    lines, outs = [], {}
    for i in range(80):
        anomalous = i % 4 == 0
        name = "test/%s-%02d.jpg" % ("anomaly" if anomalous else "normal", i)
        cls = ["anomaly", "Anomaly", "ANOMALY"][i % 3] if anomalous else ["normal", "Normal", "NORMAL"][i % 3]
        date = JS_DATE if i % 2 else "2022-08-22T13:52:52.%06d" % i
        # AWS samples write label 1 with class normal: the integer is deliberately unreliable here.
        line = {"source-ref": "s3://%s/%s/images/%s" % (BUCKET, data, name), "screw-label": 1 if i % 5 else 0,
                "screw-label-metadata": {"class-name": cls, "type": "groundtruth/image-classification",
                                         "human-annotated": "yes", "creation-date": date,
                                         "job-name": "labeling-job/screws"}}
        lines.append(json.dumps(line))
        predicted, confidence = prediction(rng, anomalous, 0.2, 0.17)
        outs[name] = {"Source": {"Type": "direct"}, "IsAnomalous": predicted, "Confidence": confidence}
    write(os.path.join(ROOT, data, "test.manifest"), "\n".join(lines) + "\n")
    for name, out in outs.items():
        # The transform's input prefix is .../images/, so each .out keeps the key below it ("test/...").
        write_json(os.path.join(ROOT, data, "transform-output", name + ".out"), out)
    job = "screws-2026-11-20-10-00-00-000"
    failed_job = "screws-2026-11-27-09-30-00-000"
    describe = training_job(job, "Completed", "classification", data, None)
    write_json(os.path.join(ROOT, "sagemaker", "DescribeTrainingJob-%s.json" % job), describe)
    write_json(os.path.join(ROOT, "sagemaker", "DescribeModel-screws-model-1.json"), {
        "ModelName": "screws-model-1",
        "ModelArn": "arn:aws:sagemaker:%s:%s:model/screws-model-1" % (REGION, ACCOUNT),
        "PrimaryContainer": {"ModelDataUrl": describe["ModelArtifacts"]["S3ModelArtifacts"]},
        "ExecutionRoleArn": "arn:aws:iam::%s:role/sagemaker" % ACCOUNT})
    write_json(os.path.join(EVENTS, "01-screws-training-completed.json"), event(
        "SageMaker Training Job State Change", training_detail(describe), job))
    write_json(os.path.join(EVENTS, "02-screws-transform-completed.json"), event(
        "SageMaker Transform Job State Change", transform_detail(
            "screws-eval-1", "screws-model-1", "s3://%s/%s/images/" % (BUCKET, data),
            "s3://%s/%s/transform-output/" % (BUCKET, data), {}), "screws-eval-1"))
    failed = training_job(failed_job, "Failed", "classification", data, None)
    failed["FailureReason"] = "AlgorithmError: the test channel has no anomalous images with masks"
    write_json(os.path.join(EVENTS, "03-screws-training-failed.json"), event(
        "SageMaker Training Job State Change", training_detail(failed), failed_job))


def tiles():
    rng = random.Random(11)
    data = "sagemaker-data/tiles"
    lines, outs_v1, outs_v2 = [], {}, {}
    for i in range(60):
        anomalous = i % 3 == 0
        label = "chip" if i % 2 else "stain"
        name = "test/tile-%02d.jpg" % i
        line = {"source-ref": "s3://%s/%s/images/%s" % (BUCKET, data, name),
                "anomaly-label": 1 if anomalous else 0,
                "anomaly-label-metadata": {"class-name": "anomaly" if anomalous else "normal",
                                           "type": "groundtruth/image-classification",
                                           "creation-date": JS_DATE if i % 4 == 0 else "2023-01-05T10:00:00Z"}}
        if anomalous:
            key = "class-name" if i % 2 else "name"
            color = "#2CA02C" if label == "chip" else "#d62728"
            cmap = {"0": {"class-name": "BACKGROUND", "hex-color": "#ffffff"}, "1": {key: label, "hex-color": color}}
            if i % 9 == 0:
                # No BACKGROUND entry: entry "0" is the only anomaly label.
                cmap = {"0": {key: label, "hex-color": color}}
        else:
            cmap = {"0": {"class-name": "BACKGROUND", "hex-color": "#ffffff"}}
        line["anomaly-mask-ref"] = "s3://%s/%s/masks/tile-%02d.png" % (BUCKET, data, i)
        line["anomaly-mask-ref-metadata"] = {"internal-color-map": cmap, "type": "groundtruth/semantic-segmentation",
                                             "human-annotated": "yes", "creation-date": "2023-01-05T10:00:00"}
        lines.append(json.dumps(line))
        for outs, separation in ((outs_v1, 0.24), (outs_v2, 0.12)):
            predicted, confidence = prediction(rng, anomalous, separation, 0.15)
            anomalies = [{"Name": "background", "PixelAnomaly": {"TotalPercentageArea": 0.97, "Color": "#FFFFFF"}}]
            if predicted:
                anomalies.append({"Name": label if anomalous else "stain",
                                  "PixelAnomaly": {"TotalPercentageArea": 0.03, "Color": "#2CA02C"}})
            outs[name] = {"Source": {"Type": "direct"}, "IsAnomalous": predicted, "Confidence": confidence,
                          "Anomalies": anomalies}
    write(os.path.join(ROOT, data, "test.manifest"), "\n".join(lines) + "\n")
    for folder, outs in (("transform-output", outs_v1), ("transform-output-v2", outs_v2)):
        for name, out in outs.items():
            write_json(os.path.join(ROOT, data, folder, name + ".out"), out)
    job = "tiles-segmentation-a1b2"
    tags = {"lfv-metrics:project": "tiles", "lfv-metrics:version": "1"}
    describe = training_job(job, "Completed", "segmentation", data, tags)
    write_json(os.path.join(EVENTS, "04-tiles-training-completed.json"), event(
        "SageMaker Training Job State Change", training_detail(describe), job))
    write_json(os.path.join(ROOT, "sagemaker", "DescribeTrainingJob-%s.json" % job), describe)
    write_json(os.path.join(EVENTS, "05-tiles-transform-completed.json"), event(
        "SageMaker Transform Job State Change", transform_detail(
            "tiles-eval-1", "tiles-model-1", "s3://%s/%s/images/" % (BUCKET, data),
            "s3://%s/%s/transform-output/" % (BUCKET, data), {"lfv-metrics:training-job": job}), "tiles-eval-1"))
    pending_job = "tiles-segmentation-c3d4"
    pending = training_job(pending_job, "Completed", "segmentation-robust", data,
                           {"lfv-metrics:project": "tiles", "lfv-metrics:version": "3"})
    write_json(os.path.join(EVENTS, "07-tiles-v3-training-completed.json"), event(
        "SageMaker Training Job State Change", training_detail(pending), pending_job))
    write_json(os.path.join(EVENTS, "06-tiles-backfill-v2.json"), {
        "version": "0", "id": "7d1e1c1a-0000-4000-8000-000000000006", "detail-type": "Backfill Requested",
        "source": "lfv-metrics", "account": ACCOUNT, "time": "2026-11-30T12:00:00Z", "region": REGION,
        "resources": [], "detail": {"project": "tiles", "version": "2",
                                    "groundTruth": "s3://%s/%s/test.manifest" % (BUCKET, data),
                                    "predictions": "s3://%s/%s/transform-output-v2/" % (BUCKET, data)}})


def training_job(name, status, model_type, data, tags):
    doc = {
        "TrainingJobName": name,
        "TrainingJobArn": "arn:aws:sagemaker:%s:%s:training-job/%s" % (REGION, ACCOUNT, name),
        "TrainingJobStatus": status,
        "SecondaryStatus": status,
        "HyperParameters": {"ModelType": model_type,
                            "TestInputDataAttributeNames": "source-ref,anomaly-label-metadata,anomaly-label"},
        "AlgorithmSpecification": {"AlgorithmName": ALGORITHM, "TrainingInputMode": "File"},
        "InputDataConfig": [
            {"ChannelName": "training", "DataSource": {"S3DataSource": {
                "S3DataType": "AugmentedManifestFile", "S3Uri": "s3://%s/%s/train.manifest" % (BUCKET, data)}}},
            {"ChannelName": "test", "DataSource": {"S3DataSource": {
                "S3DataType": "AugmentedManifestFile", "S3Uri": "s3://%s/%s/test.manifest" % (BUCKET, data)}}}],
        "OutputDataConfig": {"S3OutputPath": "s3://%s/sagemaker-output/" % BUCKET},
        "CreationTime": 1763632800.0,
        "TrainingEndTime": 1763636400.0,
    }
    if status == "Completed":
        doc["ModelArtifacts"] = {"S3ModelArtifacts": "s3://%s/sagemaker-output/%s/output/model.tar.gz" % (BUCKET, name)}
    if tags:
        doc["Tags"] = [{"Key": k, "Value": v} for k, v in tags.items()]
    return doc


def training_detail(describe):
    """The event's detail: the describe shape, times as epoch-millisecond strings, Tags as an object."""
    detail = {k: v for k, v in describe.items() if k != "Tags"}
    detail["CreationTime"] = str(int(describe["CreationTime"] * 1000))
    detail["TrainingEndTime"] = str(int(describe["TrainingEndTime"] * 1000))
    detail["Tags"] = {t["Key"]: t["Value"] for t in describe.get("Tags", [])}
    return detail


def transform_detail(name, model, input_uri, output, tags):
    return {
        "TransformJobName": name,
        "TransformJobArn": "arn:aws:sagemaker:%s:%s:transform-job/%s" % (REGION, ACCOUNT, name),
        "TransformJobStatus": "Completed",
        "ModelName": model,
        "TransformInput": {"DataSource": {"S3DataSource": {"S3DataType": "S3Prefix", "S3Uri": input_uri}},
                           "ContentType": "image/jpeg", "SplitType": "None"},
        "TransformOutput": {"S3OutputPath": output, "AssembleWith": "None"},
        "TransformResources": {"InstanceType": "ml.g4dn.xlarge", "InstanceCount": 1},
        "CreationTime": "1763640000000",
        "TransformStartTime": "1763640060000",
        "TransformEndTime": "1763640600000",
        "Tags": tags,
    }


def event(detail_type, detail, name):
    digest = hashlib.sha256(name.encode()).hexdigest()
    return {"version": "0", "id": "%s-%s-4%s-8%s-%s" % (digest[:8], digest[8:12], digest[13:16], digest[17:20],
                                                       digest[20:32]),
            "detail-type": detail_type, "source": "aws.sagemaker", "account": ACCOUNT,
            "time": "2026-11-20T11:00:00Z", "region": REGION, "resources": [detail.get("TrainingJobArn",
                                                                                          detail.get("TransformJobArn"))],
            "detail": detail}


if __name__ == "__main__":
    screws()
    tiles()
