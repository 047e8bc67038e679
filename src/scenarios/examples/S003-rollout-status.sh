# S003-rollout-status: `rollout status` follows Deployment `nginx` from nginx:1.15.2 to 1.15.3 until it is rolled out
# zh: `rollout status` 跟踪 Deployment `nginx` 从 nginx:1.15.2 更新到 1.15.3，直到完成
# The seed's nginx-deploy.yaml, with the container's fields lined up under `- image:` (the listing lost that
# indentation when it was pasted, and YAML cannot parse it so).
cat > nginx-deploy.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
 annotations:
  deployment.k8s.io/revision: "1"
 creationTimestamp: "2020-09-19T02:41:11Z"
 generation: 1
 labels:
  app: nginx
 name: nginx
 namespace: default
spec:
 progressDeadlineSeconds: 600
 replicas: 2 #副本数
 revisionHistoryLimit: 10 # 历史记录保留的个数
 selector:
  matchLabels:
   app: nginx
 strategy:
  rollingUpdate:
   maxSurge: 25%
   maxUnavailable: 25%
  type: RollingUpdate
 template:
  metadata:
   creationTimestamp: null
   labels:
    app: nginx
  spec:
   containers:
   - image: nginx:1.15.2
     imagePullPolicy: IfNotPresent
     name: nginx
     resources: {}
     terminationMessagePath: /dev/termination-log
     terminationMessagePolicy: File
   dnsPolicy: ClusterFirst
   restartPolicy: Always
   schedulerName: default-scheduler
   securityContext: {}
   terminationGracePeriodSeconds: 30
EOF
kubectl create -f nginx-deploy.yaml
sleep 15
kubectl get deploy -owide
# Nothing in progress: rollout status returns at once.
kubectl rollout status deploy nginx
# As the seed prints it, with an en dash: kubectl reads `–record` as one more argument, not as a flag.
kubectl set image deploy nginx nginx=nginx:1.15.3 –record
kubectl set image deploy nginx nginx=nginx:1.15.3 --record
sleep 1
# Now it follows the rollout, printing a line each time the Deployment's status changes.
kubectl rollout status deploy nginx
kubectl describe deploy nginx
