# S000-cron: CronJob `hello` runs a Job every minute, keeps the last 3, and each Job logs the date and the greeting
# zh: CronJob `hello` 每分钟运行一个 Job，保留最近 3 个，每个 Job 的日志显示日期与问候语
cat > cronjob.yaml <<EOF
apiVersion: batch/v1beta1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: hello
              image: busybox
              args:
                - /bin/sh
                - -c
                - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF
# As written: batch/v1beta1 CronJob was removed in Kubernetes 1.25.
kubectl apply -f cronjob.yaml
# Fixed: apiVersion batch/v1; everything else as in the seed.
cat > cronjob.yaml <<EOF
apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: hello
              image: busybox
              args:
                - /bin/sh
                - -c
                - date; echo Hello from the Kubernetes cluster
          restartPolicy: OnFailure
EOF
kubectl apply -f cronjob.yaml
sleep 70
kubectl get jobs
# Jobs are named after their scheduled minute: 09:01 UTC on 5 January 2026 is minute 29460061 of the Unix epoch.
kubectl logs job/hello-29460061
sleep 270
kubectl get cronjob hello
kubectl get jobs
kubectl get pods
kubectl describe cronjob hello
