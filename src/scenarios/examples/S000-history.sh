# S000-history: four revisions with their change-causes; `rollout undo` and `--to-revision=2` bring old revisions back
# zh: 四个修订版本及其 change-cause；`rollout undo` 与 `--to-revision=2` 回到旧版本
cat > app-deployment.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-deployment
  labels:
    app: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-deployment.yaml
sleep 10
kubectl --record deployment.v1.apps/app-deployment set image deployment.v1.apps/app-deployment app=app:1.0.1
sleep 30
kubectl set image deployment/app-deployment app=app:1.0.2 --record
sleep 30
# 方式 3 is `kubectl edit deployment.v1.apps/app-deployment`, an editor session; changing the image there is the
# same change as this command. Neither records a new change-cause, so revision 4 keeps revision 3's.
kubectl set image deployment.v1.apps/app-deployment app=app:1.0.3
sleep 30
kubectl rollout history deployment.v1.apps/app-deployment
kubectl rollout history deployment.v1.apps/app-deployment --revision=2
kubectl rollout undo deployment.v1.apps/app-deployment
sleep 30
kubectl rollout history deployment.v1.apps/app-deployment
kubectl get deployment app-deployment -o jsonpath='{.spec.template.spec.containers[0].image}'
kubectl rollout undo deployment.v1.apps/app-deployment --to-revision=2
sleep 30
kubectl rollout history deployment.v1.apps/app-deployment
kubectl get pods -l app=app -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image,STATUS:.status.phase
